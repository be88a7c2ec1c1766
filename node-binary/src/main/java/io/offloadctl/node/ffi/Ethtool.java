package io.offloadctl.node.ffi;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.offloadctl.model.settings.ChannelCounts;
import jnr.ffi.Pointer;
import jnr.ffi.Struct;

/**
 * The ethtool ioctl commands offloadctl uses, each as one typed method over an
 * {@link EthtoolSocket}. Buffers are direct memory sized from the kernel's own counts.
 */
public final class Ethtool {

    private final EthtoolSocket socket;

    public Ethtool(EthtoolSocket socket) {
        this.socket = socket;
    }

    /** ETHTOOL_GSSET_INFO for ETH_SS_FEATURES: how many feature bits the kernel names. */
    public int featureCount(String interfaceName) {
        int count = stringSetLength(interfaceName, EthtoolCmd.ETH_SS_FEATURES);
        if (count < 0) {
            throw new NativeCallException("SIOCETHTOOL ETHTOOL_GSSET_INFO", interfaceName, Errno.EOPNOTSUPP,
                    "the kernel reports no feature string set");
        }
        return count;
    }

    /** ETHTOOL_GSTRINGS for ETH_SS_FEATURES: the feature names by bit index; "" marks an unused bit. */
    public List<String> featureNames(String interfaceName, int count) {
        return strings(interfaceName, EthtoolCmd.ETH_SS_FEATURES, count);
    }

    /** ETHTOOL_GSSET_INFO for ETH_SS_STATS: how many statistics the driver has; 0 when it has none. */
    public int statisticsCount(String interfaceName) {
        return Math.max(0, stringSetLength(interfaceName, EthtoolCmd.ETH_SS_STATS));
    }

    /** ETHTOOL_GSTRINGS for ETH_SS_STATS: the driver's names of its statistics, in its order. */
    public List<String> statisticsNames(String interfaceName, int count) {
        return strings(interfaceName, EthtoolCmd.ETH_SS_STATS, count);
    }

    /**
     * ETHTOOL_GSTATS ({@code struct ethtool_stats}: cmd, n_stats, then n_stats __u64): the values,
     * in the order of {@link #statisticsNames}; __u64, so read them as unsigned.
     */
    public long[] statistics(String interfaceName, int count) {
        Pointer buffer = Native.allocateDirect(STATS_HEADER + count * 8);
        buffer.putInt(0, EthtoolCmd.ETHTOOL_GSTATS);
        buffer.putInt(4, count);
        socket.ethtool(interfaceName, EthtoolCmd.ETHTOOL_GSTATS, buffer);
        int returned = Math.min(buffer.getInt(4), count);
        long[] values = new long[returned];
        for (int i = 0; i < returned; i++) {
            values[i] = buffer.getLong(STATS_HEADER + i * 8L);
        }
        return values;
    }

    /** {@code struct ethtool_stats} before its data: cmd and n_stats, two __u32. */
    private static final int STATS_HEADER = 8;

    /** ETHTOOL_GSSET_INFO for one string set: its length, or -1 when the kernel does not report the set. */
    private int stringSetLength(String interfaceName, int set) {
        EthtoolSsetInfo info = direct(new EthtoolSsetInfo(Native.runtime()));
        info.cmd.set(EthtoolCmd.ETHTOOL_GSSET_INFO);
        info.sset_mask.set(1L << set);
        socket.ethtool(interfaceName, EthtoolCmd.ETHTOOL_GSSET_INFO, Struct.getMemory(info));
        return (info.sset_mask.get() & (1L << set)) == 0 ? -1 : (int) info.data.get();
    }

    /** ETHTOOL_GSTRINGS for one string set, {@code count} strings of ETH_GSTRING_LEN bytes. */
    private List<String> strings(String interfaceName, int set, int count) {
        EthtoolGstringsHeader header = new EthtoolGstringsHeader(Native.runtime());
        int headerSize = Struct.size(header);
        Pointer buffer = Native.allocateDirect(headerSize + count * EthtoolCmd.ETH_GSTRING_LEN);
        header.useMemory(buffer);
        header.cmd.set(EthtoolCmd.ETHTOOL_GSTRINGS);
        header.string_set.set(set);
        header.len.set(count);
        socket.ethtool(interfaceName, EthtoolCmd.ETHTOOL_GSTRINGS, buffer);
        int returned = (int) Math.min(header.len.get(), count);
        List<String> names = new ArrayList<>(returned);
        for (int i = 0; i < returned; i++) {
            long offset = headerSize + (long) i * EthtoolCmd.ETH_GSTRING_LEN;
            names.add(buffer.getString(offset, EthtoolCmd.ETH_GSTRING_LEN, java.nio.charset.StandardCharsets.UTF_8));
        }
        return names;
    }

    /**
     * ETHTOOL_GFEATURES with room for {@code words} blocks. The answer carries the kernel's own
     * word count; when that is larger, the call is repeated with the kernel's size.
     */
    public FeatureWords getFeatures(String interfaceName, int words) {
        EthtoolFeaturesHeader header = new EthtoolFeaturesHeader(Native.runtime());
        int headerSize = Struct.size(header);
        Pointer buffer = Native.allocateDirect(headerSize + words * EthtoolFeaturesHeader.GET_BLOCK_SIZE);
        header.useMemory(buffer);
        header.cmd.set(EthtoolCmd.ETHTOOL_GFEATURES);
        header.size.set(words);
        socket.ethtool(interfaceName, EthtoolCmd.ETHTOOL_GFEATURES, buffer);
        int kernelWords = (int) header.size.get();
        if (kernelWords > words) {
            return getFeatures(interfaceName, kernelWords);
        }
        int[][] fields = new int[4][kernelWords];
        for (int word = 0; word < kernelWords; word++) {
            for (int field = 0; field < 4; field++) {
                fields[field][word] = buffer.getInt(headerSize + word * EthtoolFeaturesHeader.GET_BLOCK_SIZE + field * 4);
            }
        }
        return new FeatureWords(fields[0], fields[1], fields[2], fields[3]);
    }

    /**
     * ETHTOOL_SFEATURES: for every bit set in {@code valid}, request the matching bit of
     * {@code requested}. The arrays must have the kernel's word count. Returns the flags of the
     * kernel's answer.
     */
    public Set<SfeaturesFlag> setFeatures(String interfaceName, int[] valid, int[] requested) {
        EthtoolFeaturesHeader header = new EthtoolFeaturesHeader(Native.runtime());
        int headerSize = Struct.size(header);
        Pointer buffer = Native.allocateDirect(headerSize + valid.length * EthtoolFeaturesHeader.SET_BLOCK_SIZE);
        header.useMemory(buffer);
        header.cmd.set(EthtoolCmd.ETHTOOL_SFEATURES);
        header.size.set(valid.length);
        for (int word = 0; word < valid.length; word++) {
            buffer.putInt(headerSize + word * EthtoolFeaturesHeader.SET_BLOCK_SIZE, valid[word]);
            buffer.putInt(headerSize + word * EthtoolFeaturesHeader.SET_BLOCK_SIZE + 4, requested[word]);
        }
        return SfeaturesFlag.of(socket.ethtool(interfaceName, EthtoolCmd.ETHTOOL_SFEATURES, buffer));
    }

    /** ETHTOOL_GDRVINFO. */
    public DriverInfoStruct driverInfo(String interfaceName) {
        EthtoolDrvinfo info = direct(new EthtoolDrvinfo(Native.runtime()));
        info.cmd.set(EthtoolCmd.ETHTOOL_GDRVINFO);
        socket.ethtool(interfaceName, EthtoolCmd.ETHTOOL_GDRVINFO, Struct.getMemory(info));
        return new DriverInfoStruct(info.driver.get(), info.version.get(), info.fw_version.get(),
                info.erom_version.get(), info.bus_info.get(), (int) info.n_priv_flags.get(),
                (int) info.n_stats.get(), (int) info.testinfo_len.get(), (int) info.eedump_len.get(),
                (int) info.regdump_len.get());
    }

    /**
     * ETHTOOL_GLINKSETTINGS with the kernel's handshake: a first call with no link-mode words
     * answers with minus the number it needs; the second call passes that many.
     */
    public LinkSettingsStruct linkSettings(String interfaceName) {
        EthtoolLinkSettingsHeader header = new EthtoolLinkSettingsHeader(Native.runtime());
        int headerSize = Struct.size(header);
        Pointer probe = Native.allocateDirect(headerSize);
        header.useMemory(probe);
        header.cmd.set(EthtoolCmd.ETHTOOL_GLINKSETTINGS);
        socket.ethtool(interfaceName, EthtoolCmd.ETHTOOL_GLINKSETTINGS, probe);
        int nwords = -header.link_mode_masks_nwords.get();
        if (nwords <= 0) {
            throw new NativeCallException("SIOCETHTOOL ETHTOOL_GLINKSETTINGS", interfaceName, Errno.EINVAL,
                    "the kernel did not answer the link-mode handshake");
        }
        Pointer buffer = Native.allocateDirect(headerSize + 3 * nwords * 4);
        header.useMemory(buffer);
        header.cmd.set(EthtoolCmd.ETHTOOL_GLINKSETTINGS);
        header.link_mode_masks_nwords.set(nwords);
        socket.ethtool(interfaceName, EthtoolCmd.ETHTOOL_GLINKSETTINGS, buffer);
        return new LinkSettingsStruct(header.speed.get(), header.duplex.get(), header.autoneg.get(),
                header.port.get());
    }

    /** ETHTOOL_GLINK: whether the driver sees a carrier. */
    public boolean linkDetected(String interfaceName) {
        EthtoolValue value = direct(new EthtoolValue(Native.runtime()));
        value.cmd.set(EthtoolCmd.ETHTOOL_GLINK);
        socket.ethtool(interfaceName, EthtoolCmd.ETHTOOL_GLINK, Struct.getMemory(value));
        return value.data.get() != 0;
    }

    /** ETHTOOL_GCHANNELS: the maxima and counts of the interface's channels. */
    public ChannelCounts[] channels(String interfaceName) {
        EthtoolChannels channels = direct(new EthtoolChannels(Native.runtime()));
        channels.cmd.set(EthtoolCmd.ETHTOOL_GCHANNELS);
        socket.ethtool(interfaceName, EthtoolCmd.ETHTOOL_GCHANNELS, Struct.getMemory(channels));
        return new ChannelCounts[] {
            new ChannelCounts((int) channels.max_rx.get(), (int) channels.max_tx.get(), (int) channels.max_other.get(),
                    (int) channels.max_combined.get()),
            new ChannelCounts((int) channels.rx_count.get(), (int) channels.tx_count.get(), (int) channels.other_count.get(),
                    (int) channels.combined_count.get())};
    }

    /** ETHTOOL_SCHANNELS: all four counts (the kernel ignores the maxima of a set request). */
    public void setChannels(String interfaceName, ChannelCounts counts) {
        EthtoolChannels channels = direct(new EthtoolChannels(Native.runtime()));
        channels.cmd.set(EthtoolCmd.ETHTOOL_SCHANNELS);
        channels.rx_count.set(counts.rx());
        channels.tx_count.set(counts.tx());
        channels.other_count.set(counts.other());
        channels.combined_count.set(counts.combined());
        socket.ethtool(interfaceName, EthtoolCmd.ETHTOOL_SCHANNELS, Struct.getMemory(channels));
    }

    private static <T extends Struct> T direct(T struct) {
        struct.useMemory(Native.allocateDirect(Struct.size(struct)));
        return struct;
    }
}
