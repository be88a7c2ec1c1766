package io.offloadctl.node.kernel;

import java.util.BitSet;
import java.util.Optional;

import io.offloadctl.node.ffi.EthtoolNetlink;

/**
 * What pause autonegotiation resolved to, as {@code ethtool -a} works it out (netlink/pause.c) when
 * pause autonegotiation is on: from the Pause and Asym_Pause link modes this side and its link
 * partner advertise (IEEE 802.3 Annex 28B's resolution). Both pause: both directions; else both
 * asymmetric: receive when this side advertises Pause, transmit when the partner does.
 */
public record PauseNegotiation(boolean rx, boolean tx) {

    /** ETHTOOL_LINK_MODE_Pause_BIT and ETHTOOL_LINK_MODE_Asym_Pause_BIT. */
    static final int PAUSE_BIT = 13;
    static final int ASYM_PAUSE_BIT = 14;

    /** The resolution of these advertisements; empty when either is not known (ethtool then prints nothing). */
    public static Optional<PauseNegotiation> of(BitSet ours, BitSet peer) {
        if (ours == null || peer == null) {
            return Optional.empty();
        }
        boolean ourPause = ours.get(PAUSE_BIT);
        boolean peerPause = peer.get(PAUSE_BIT);
        if (ourPause && peerPause) {
            return Optional.of(new PauseNegotiation(true, true));
        }
        if (ours.get(ASYM_PAUSE_BIT) && peer.get(ASYM_PAUSE_BIT)) {
            return Optional.of(new PauseNegotiation(ourPause, !ourPause && peerPause));
        }
        return Optional.of(new PauseNegotiation(false, false));
    }

    /** What {@code interfaceName}'s link modes resolve to, read now. */
    public static Optional<PauseNegotiation> read(KernelSession session, String interfaceName) {
        EthtoolNetlink.LinkModes modes = KernelErrors.explained(session.namespace(), interfaceName,
                () -> session.ethtoolNetlink().linkModes(interfaceName));
        return of(modes.ours(), modes.peer());
    }
}
