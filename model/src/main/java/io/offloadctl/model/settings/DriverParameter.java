package io.offloadctl.model.settings;

import java.util.Optional;

/**
 * A parameter of a driver that the ethtool netlink family reads and sets by number: a ring
 * ({@link RingParameter}), a coalescing parameter ({@link CoalesceParameter}) or a pause parameter
 * ({@link PauseParameter}). On/off ones are numbers too (0 or 1), as the kernel has them; every
 * value is a u32 at most.
 */
public interface DriverParameter {

    /** The most any of them holds: a u32 attribute. */
    long MAX_VALUE = 0xffff_ffffL;

    /** The enum constant's name: {@code rx_usecs}. */
    String name();

    /** As ethtool names it on its command line: {@code rx-usecs}. */
    String argument();

    /** Its section in a policy and in setting names: {@code rings}, {@code coalesce}, {@code pause}. */
    String section();

    /** What its kind of settings is called in messages ("the driver has no ring settings"): ring, coalescing, pause. */
    String kind();

    /** Whether it is on/off (0 or 1). */
    boolean onOff();

    /** Whether a policy or ethtool's set command may set it (not a driver's maximum). */
    boolean settable();

    /** The driver's maximum this one may not exceed, when it has one. */
    default Optional<? extends DriverParameter> boundBy() {
        return Optional.empty();
    }

    /** The largest value it takes: 1 for on/off, else a u32's. */
    default long maximum() {
        return onOff() ? 1 : MAX_VALUE;
    }

    /** Why {@code value} cannot be set on {@code interfaceName} given what its driver {@code reported}; empty when it can. */
    default Optional<String> refusal(String interfaceName, long value, java.util.Map<? extends DriverParameter, Long> reported) {
        if (!settable()) {
            return Optional.of(section() + "." + name() + " is the driver's maximum, not a setting");
        }
        if (reported.isEmpty()) {
            return Optional.of("the driver of '" + interfaceName + "' has no " + kind() + " settings");
        }
        if (!reported.containsKey(this)) {
            return Optional.of("the driver of '" + interfaceName + "' does not support " + argument());
        }
        Optional<? extends DriverParameter> bound = boundBy();
        if (bound.isPresent()) {
            Long maximum = reported.get(bound.get());
            if (maximum != null && value > maximum) {
                return Optional.of(String.format("%s %d exceeds the maximum of '%s', %d", argument(), value, interfaceName, maximum));
            }
        }
        return Optional.empty();
    }
}
