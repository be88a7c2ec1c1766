package io.offloadctl.model;

/**
 * The state of one kernel feature (netdev feature bit) of one interface, as ETHTOOL_GFEATURES
 * reports it.
 *
 * @param name          the kernel's feature string, e.g. {@code rx-gro}; the feature's identity
 * @param index         its bit number in the kernel's feature string set
 * @param available     the driver lets it be changed (hw_features)
 * @param requested     what was last asked for (wanted_features)
 * @param active        what is in effect (features)
 * @param neverChanged  the kernel never lets it change (NETIF_F_NEVER_CHANGE)
 */
public record Feature(String name, int index, boolean available, boolean requested, boolean active,
                      boolean neverChanged) {

    /** What ethtool marks {@code [fixed]}: not changeable on this interface. */
    public boolean fixed() {
        return !available || neverChanged;
    }

    public boolean changeable() {
        return !fixed();
    }

    /** What ethtool marks {@code [requested on|off]}: asked for, but not in effect. */
    public boolean pending() {
        return requested != active;
    }
}
