package io.offloadctl.model.settings;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** What {@link RingRequest} and {@link CoalesceRequest} share: their values by parameter, on/off as 1 or 0. */
final class DriverParameterRequests {

    private DriverParameterRequests() {
    }

    /**
     * The values named: {@code given} holds one value (or null) per settable parameter of
     * {@code type}, in declaration order, as the request's components are declared.
     */
    static <P extends Enum<P> & DriverParameter> Map<P, Long> values(Class<P> type, Object... given) {
        Map<P, Long> values = new EnumMap<>(type);
        int i = 0;
        for (P parameter : type.getEnumConstants()) {
            if (!parameter.settable()) {
                continue;
            }
            Object value = given[i++];
            if (value instanceof Boolean on) {
                values.put(parameter, on ? 1L : 0L);
            } else if (value != null) {
                values.put(parameter, ((Number) value).longValue());
            }
        }
        if (i != given.length) {
            throw new IllegalStateException(type.getSimpleName() + " has " + i + " settable parameters, the request " + given.length);
        }
        return Collections.unmodifiableMap(values);
    }
}
