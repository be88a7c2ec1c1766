package io.offloadctl.node.output;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.offloadctl.model.ChangeReport;
import io.offloadctl.node.ffi.SfeaturesFlag;
import io.offloadctl.node.kernel.SetOutcome;
import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.Feature;
import io.offloadctl.model.FeatureTable;
import io.offloadctl.model.LegacyFlag;
import io.offloadctl.model.LegacyFlags;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.settings.ChannelCounts;
import io.offloadctl.model.settings.CoalesceParameter;
import io.offloadctl.model.settings.PauseParameter;
import io.offloadctl.node.kernel.PauseNegotiation;
import io.offloadctl.model.settings.RingParameter;
import io.offloadctl.model.settings.Channels;
import io.offloadctl.model.settings.LinkLimit;

/** The JSON forms of offloadctl's output. Maps are sorted so output and diffs are stable. */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMappers.create()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private Json() {
    }

    /** Indented JSON and a newline. */
    public static String write(Object value) {
        return write(MAPPER.writer(), value);
    }

    /** One line of JSON (JSON Lines), for output that goes on as events happen. */
    public static String writeLine(Object value) {
        return write(MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT), value);
    }

    private static String write(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new OffloadException(ErrorKind.BUG, "cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** One interface's features, keyed by kernel name. */
    public record InterfaceFeatures(String name, Map<String, FeatureState> features) {
        public static InterfaceFeatures of(FeatureTable table) {
            Map<String, FeatureState> features = new TreeMap<>();
            table.features().forEach(f -> features.put(f.name(), FeatureState.of(f)));
            return new InterfaceFeatures(table.interfaceName(), features);
        }
    }

    /** {@code channels --json}: one interface's channels, as ethtool -l shows them. */
    public record InterfaceChannels(String interfaceName, ChannelCounts maximum, ChannelCounts current) {
        public InterfaceChannels(String interfaceName, Channels channels) {
            this(interfaceName, channels.maximum(), channels.current());
        }
    }

    /** {@code limits --json}: one interface's size limits by their ip link names. */
    public record InterfaceLimits(String interfaceName, Map<LinkLimit, Long> limits) {
    }

    /**
     * {@code rings --json}: the ring parameters the driver reports, by ethtool -G's names with '_':
     * sizes as numbers, tx_push as a boolean, tcp_data_split as "on", "off" or "n/a".
     */
    public record InterfaceRings(String interfaceName, Map<RingParameter, Object> rings) {
        public static InterfaceRings of(String interfaceName, Map<RingParameter, Long> values) {
            Map<RingParameter, Object> rings = new java.util.EnumMap<>(RingParameter.class);
            values.forEach((parameter, value) -> rings.put(parameter, switch (parameter.type()) {
                case COUNT -> value;
                case SWITCH -> value != 0;
                case SPLIT -> RingText.value(parameter, value);
            }));
            return new InterfaceRings(interfaceName, rings);
        }
    }

    /**
     * {@code pause --json}: the pause parameters the driver reports as booleans, and what
     * autonegotiation resolved to (rx, tx) when it is on; null otherwise.
     */
    public record InterfacePause(String interfaceName, Map<PauseParameter, Boolean> pause, PauseNegotiation negotiated) {
        public static InterfacePause of(String interfaceName, Map<PauseParameter, Long> values,
                                        java.util.Optional<PauseNegotiation> negotiated) {
            Map<PauseParameter, Boolean> pause = new java.util.EnumMap<>(PauseParameter.class);
            values.forEach((parameter, value) -> pause.put(parameter, value != 0));
            return new InterfacePause(interfaceName, pause, negotiated.orElse(null));
        }
    }

    /** {@code coalesce --json}: the coalescing parameters the driver reports, numbers and (adaptive, CQE modes) booleans. */
    public record InterfaceCoalescing(String interfaceName, Map<CoalesceParameter, Object> coalesce) {
        public static InterfaceCoalescing of(String interfaceName, Map<CoalesceParameter, Long> values) {
            Map<CoalesceParameter, Object> coalesce = new java.util.EnumMap<>(CoalesceParameter.class);
            values.forEach((parameter, value) -> coalesce.put(parameter, parameter.onOff() ? (Object) (value != 0) : value));
            return new InterfaceCoalescing(interfaceName, coalesce);
        }
    }

    /** A dry run of a change: the settings named, by ethtool's names, as they are and as they would be (null: not reported). */
    public record PlannedChange(String interfaceName, Map<String, Long> current, Map<String, Long> wanted) {
    }

    /** One feature: its state and the legacy group (ethtool's long name) it is shown under, or null. */
    public record FeatureState(boolean active, boolean requested, boolean available, boolean changeable,
                               boolean fixed, String group) {
        static FeatureState of(Feature f) {
            return new FeatureState(f.active(), f.requested(), f.available(), f.changeable(), f.fixed(),
                    LegacyFlags.groupOf(f.name()).map(LegacyFlag::longName).orElse(null));
        }
    }

    /** The outcome of a set on one interface. */
    /** {@code set --json}: the judgement ethtool makes, and the flags of the kernel's answer. */
    public record SetResult(String name, boolean couldNotChangeAny, List<ChangeReport.Line> actualChanges,
                            Map<String, Boolean> requested, List<SfeaturesFlag> kernelFlags) {
        public static SetResult of(SetOutcome outcome) {
            return new SetResult(outcome.interfaceName(), outcome.nothingChanged(), outcome.report().lines(),
                    new TreeMap<>(outcome.request().wanted()), outcome.kernelFlags().stream().sorted().toList());
        }
    }
}
