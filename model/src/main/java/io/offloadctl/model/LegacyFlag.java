package io.offloadctl.model;

/**
 * One of ethtool's legacy offload flags: a short name ({@code gro}), the long name ethtool prints
 * ({@code generic-receive-offload}) and the pattern of kernel feature strings it stands for
 * ({@code rx-gro}, {@code tx-tcp*-segmentation}). A pattern holds at most one asterisk.
 */
public record LegacyFlag(String shortName, String longName, String kernelPattern) {

    /** True when {@code kernelName} is one of the features this flag groups, matched as ethtool does. */
    public boolean matches(String kernelName) {
        int star = kernelPattern.indexOf('*');
        if (star < 0) {
            return kernelPattern.equals(kernelName);
        }
        String prefix = kernelPattern.substring(0, star);
        String suffix = kernelPattern.substring(star + 1);
        return kernelName.length() + 1 >= kernelPattern.length()
                && kernelName.startsWith(prefix)
                && kernelName.endsWith(suffix);
    }

    /** True when the argument names this flag by its short or long name. */
    public boolean isNamed(String argument) {
        return shortName.equals(argument) || longName.equals(argument);
    }
}
