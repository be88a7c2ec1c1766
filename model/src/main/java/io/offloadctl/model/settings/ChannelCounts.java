package io.offloadctl.model.settings;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One count per {@link ChannelKind}: the maxima a driver allows, or the counts in use. */
@Schema(description = "One count per kind of channel.")
public record ChannelCounts(
        @Schema(description = "Receive-only channels.", examples = "1") int rx,
        @Schema(description = "Transmit-only channels.", examples = "1") int tx,
        @Schema(description = "Other channels.", examples = "0") int other,
        @Schema(description = "Combined channels.", examples = "0") int combined) {

    public int of(ChannelKind kind) {
        return switch (kind) {
            case rx -> rx;
            case tx -> tx;
            case other -> other;
            case combined -> combined;
        };
    }

    /** These counts with {@code kind} set to {@code count}. */
    public ChannelCounts with(ChannelKind kind, int count) {
        return new ChannelCounts(kind == ChannelKind.rx ? count : rx, kind == ChannelKind.tx ? count : tx,
                kind == ChannelKind.other ? count : other, kind == ChannelKind.combined ? count : combined);
    }
}
