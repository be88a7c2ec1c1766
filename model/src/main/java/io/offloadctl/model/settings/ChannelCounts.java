package io.offloadctl.model.settings;

/** One count per {@link ChannelKind}: the maxima a driver allows, or the counts in use. */
public record ChannelCounts(int rx, int tx, int other, int combined) {

    public int of(ChannelKind kind) {
        return switch (kind) {
            case RX -> rx;
            case TX -> tx;
            case OTHER -> other;
            case COMBINED -> combined;
        };
    }

    /** These counts with {@code kind} set to {@code count}. */
    public ChannelCounts with(ChannelKind kind, int count) {
        return new ChannelCounts(kind == ChannelKind.RX ? count : rx, kind == ChannelKind.TX ? count : tx,
                kind == ChannelKind.OTHER ? count : other, kind == ChannelKind.COMBINED ? count : combined);
    }
}
