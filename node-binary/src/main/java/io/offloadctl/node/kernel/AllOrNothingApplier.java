package io.offloadctl.node.kernel;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.FeatureRequest;
import io.offloadctl.model.FeatureTable;
import io.offloadctl.model.OffloadException;
import io.offloadctl.node.ffi.LinkRecord;
import io.offloadctl.model.settings.ChannelCounts;
import io.offloadctl.model.settings.Channels;
import io.offloadctl.model.settings.CoalesceParameter;
import io.offloadctl.model.settings.PauseParameter;
import io.offloadctl.model.settings.DriverParameter;
import io.offloadctl.model.settings.LinkLimit;
import io.offloadctl.model.settings.RingParameter;
import io.offloadctl.model.settings.SettingsRequest;

/**
 * Applies settings to several interfaces as one change: every interface is read first (so a
 * missing one changes nothing), then changed in order, its features first, then its channels, its
 * size limits, its rings and its coalescing; if a change fails, a changeable feature does not end up as requested, or the
 * channels or limits are not what was asked for, every interface touched so far is put back as it was. When putting back
 * fails too, that is attached to the original error, which is the one thrown.
 */
public final class AllOrNothingApplier {

    private final FeatureReader reader;
    private final FeatureWriter writer;
    private final ChannelSettings channels;
    private final LinkLimits limits;
    private final NetlinkSettings<RingParameter> rings;
    private final NetlinkSettings<CoalesceParameter> coalesce;
    private final NetlinkSettings<PauseParameter> pause;
    private final KernelSession session;

    public AllOrNothingApplier(KernelSession session) {
        this.session = session;
        this.reader = new FeatureReader(session);
        this.writer = new FeatureWriter(session);
        this.channels = new ChannelSettings(session);
        this.limits = new LinkLimits(session);
        this.rings = NetlinkSettings.rings(session);
        this.coalesce = NetlinkSettings.coalesce(session);
        this.pause = NetlinkSettings.pause(session);
    }

    /** The channels of one interface before and after a change. */
    public record ChannelChange(String interfaceName, Channels before, Channels after) {
    }

    /** The size limits of one interface that a change set: their values before and all of them after. */
    public record LimitChange(String interfaceName, Map<LinkLimit, Long> before, Map<LinkLimit, Long> after) {
    }

    /**
     * The ring, coalescing or pause parameters of one interface that a change set: their values before and
     * all of them after; {@link #putBack} sets the ones before again.
     */
    public record ParameterChange<P extends Enum<P> & DriverParameter>(String interfaceName, NetlinkSettings<P> settings,
                                                                       Map<P, Long> before, Map<P, Long> after) {
        void putBack() {
            settings.set(interfaceName, before);
        }
    }

    /**
     * What a change did: each interface's features (before, after, judged as ethtool judges), channels,
     * limits, and ring and coalescing parameters.
     */
    public record Change(List<SetOutcome> features, List<ChannelChange> channels, List<LimitChange> limits,
                         List<ParameterChange<?>> parameters) {
        public Change {
            features = List.copyOf(features);
            channels = List.copyOf(channels);
            limits = List.copyOf(limits);
            parameters = List.copyOf(parameters);
        }

        public Change(List<SetOutcome> features, List<ChannelChange> channels, List<LimitChange> limits) {
            this(features, channels, limits, List.of());
        }
    }

    /** Features only, as {@code set} asks for them. */
    public List<SetOutcome> applyFeatures(Map<String, FeatureRequest> requests) {
        Map<String, SettingsRequest> settings = new LinkedHashMap<>();
        requests.forEach((name, request) -> settings.put(name, new SettingsRequest(request, Map.of())));
        return apply(settings).features();
    }

    public Change apply(Map<String, SettingsRequest> requests) {
        Map<String, FeatureTable> featureCheckpoints = new LinkedHashMap<>();
        Map<String, Channels> channelCheckpoints = new LinkedHashMap<>();
        Map<String, LinkRecord> linkCheckpoints = new LinkedHashMap<>();
        Map<String, Map<RingParameter, Long>> ringCheckpoints = new LinkedHashMap<>();
        Map<String, Map<CoalesceParameter, Long>> coalesceCheckpoints = new LinkedHashMap<>();
        Map<String, Map<PauseParameter, Long>> pauseCheckpoints = new LinkedHashMap<>();
        requests.forEach((name, request) -> {
            featureCheckpoints.put(name, reader.read(name));
            if (!request.channels().isEmpty()) {
                channelCheckpoints.put(name, channels.read(name));
            }
            if (!request.limits().isEmpty()) {
                LinkRecord link = session.link(name);
                request.limits().forEach((limit, value) -> limit.refusal(name, value, link.limits()).ifPresent(why -> {
                    throw new OffloadException(ErrorKind.INVALID_ARGUMENT, why);
                }));
                linkCheckpoints.put(name, link);
            }
            if (!request.rings().isEmpty()) {
                ringCheckpoints.put(name, checkpoint(rings, name, request.rings()));
            }
            if (!request.coalesce().isEmpty()) {
                coalesceCheckpoints.put(name, checkpoint(coalesce, name, request.coalesce()));
            }
            if (!request.pause().isEmpty()) {
                pauseCheckpoints.put(name, checkpoint(pause, name, request.pause()));
            }
        });
        List<SetOutcome> outcomes = new ArrayList<>();
        List<ChannelChange> channelChanges = new ArrayList<>();
        List<LimitChange> limitChanges = new ArrayList<>();
        List<ParameterChange<?>> parameterChanges = new ArrayList<>();
        List<Runnable> undo = new ArrayList<>();
        try {
            for (Map.Entry<String, SettingsRequest> entry : requests.entrySet()) {
                String name = entry.getKey();
                SettingsRequest request = entry.getValue();
                FeatureTable before = featureCheckpoints.get(name);
                // Features are written unless only other settings were asked for: an empty feature request
                // is judged as ethtool judges it ("Could not change any device features").
                if (!request.features().isEmpty() || request.isEmpty()) {
                    undo.add(() -> writer.restore(before));
                    SetOutcome outcome = writer.apply(before, request.features());
                    outcomes.add(outcome);
                    if (outcome.failedOnChangeableFeature()) {
                        throw new OffloadException(ErrorKind.VERIFICATION, "'" + name + "' did not take " + describe(outcome)
                                + "; every interface was put back as it was");
                    }
                }
                if (!request.channels().isEmpty()) {
                    Channels checkpoint = channelCheckpoints.get(name);
                    undo.add(() -> channels.restore(name, checkpoint));
                    ChannelCounts wanted = checkpoint.request(name, request.channels());
                    Channels after = channels.apply(name, request.channels());
                    channelChanges.add(new ChannelChange(name, checkpoint, after));
                    if (!after.current().equals(wanted)) {
                        throw new OffloadException(ErrorKind.VERIFICATION, "'" + name + "' did not take channels "
                                + wanted + " (it has " + after.current() + "); every interface was put back as it was");
                    }
                }
                if (!request.limits().isEmpty()) {
                    LinkRecord checkpoint = linkCheckpoints.get(name);
                    Map<LinkLimit, Long> limitsBefore = new EnumMap<>(LinkLimit.class);
                    request.limits().keySet().forEach(limit -> limitsBefore.put(limit, checkpoint.limits().get(limit)));
                    undo.add(() -> limits.restore(name, limitsBefore));
                    Map<LinkLimit, Long> after = limits.apply(checkpoint, request.limits());
                    limitChanges.add(new LimitChange(name, limitsBefore, after));
                    if (!after.entrySet().containsAll(request.limits().entrySet())) {
                        throw new OffloadException(ErrorKind.VERIFICATION, "'" + name + "' did not take "
                                + LinkLimits.describe(request.limits()) + " (it has " + LinkLimits.describe(after)
                                + "); every interface was put back as it was");
                    }
                }
                if (!request.rings().isEmpty()) {
                    parameterChanges.add(change(rings, name, ringCheckpoints.get(name), request.rings(), undo));
                }
                if (!request.coalesce().isEmpty()) {
                    parameterChanges.add(change(coalesce, name, coalesceCheckpoints.get(name), request.coalesce(), undo));
                }
                if (!request.pause().isEmpty()) {
                    parameterChanges.add(change(pause, name, pauseCheckpoints.get(name), request.pause(), undo));
                }
            }
            return new Change(outcomes, channelChanges, limitChanges, parameterChanges);
        } catch (RuntimeException failure) {
            RuntimeException restoreFailure = runAll(undo);
            if (restoreFailure != null) {
                failure.addSuppressed(restoreFailure);
            }
            throw failure;
        }
    }

    /**
     * Puts every interface of a change back as it was before it, the last changed first. For
     * changes that succeeded but are then judged bad (a failed probe, a worse throughput).
     */
    public void undo(Change change) {
        List<Runnable> undo = new ArrayList<>();
        change.features().forEach(outcome -> undo.add(() -> writer.restore(outcome.before())));
        change.channels().forEach(c -> undo.add(() -> channels.restore(c.interfaceName(), c.before())));
        change.limits().forEach(c -> undo.add(() -> limits.restore(c.interfaceName(), c.before())));
        change.parameters().forEach(c -> undo.add(c::putBack));
        RuntimeException failure = runAll(undo);
        if (failure != null) {
            throw failure;
        }
    }

    /** Features only: puts back what {@link #applyFeatures} changed. */
    public void undo(List<SetOutcome> outcomes) {
        undo(new Change(outcomes, List.of(), List.of()));
    }

    /**
     * The values before a change of these parameters, read and checked first: a parameter the driver
     * does not report or a value above its maximum refuses the whole change before anything is touched.
     */
    private static <P extends Enum<P> & DriverParameter> Map<P, Long> checkpoint(NetlinkSettings<P> settings, String name,
                                                                             Map<P, Long> wanted) {
        Map<P, Long> reported = settings.read(name);
        Map<P, Long> before = new java.util.HashMap<>();
        wanted.forEach((parameter, value) -> {
            parameter.refusal(name, value, reported).ifPresent(why -> {
                throw new OffloadException(ErrorKind.INVALID_ARGUMENT, why);
            });
            before.put(parameter, reported.get(parameter));
        });
        return before;
    }

    /** Sets {@code wanted}, its undo registered first; a driver that does not end up with them fails the change. */
    private static <P extends Enum<P> & DriverParameter> ParameterChange<P> change(NetlinkSettings<P> settings, String name,
                                                                               Map<P, Long> before, Map<P, Long> wanted,
                                                                               List<Runnable> undo) {
        ParameterChange<P> change = new ParameterChange<>(name, settings, before, Map.of());
        undo.add(change::putBack);
        Map<P, Long> after = settings.set(name, wanted);
        if (!after.entrySet().containsAll(wanted.entrySet())) {
            throw new OffloadException(ErrorKind.VERIFICATION, "'" + name + "' did not take "
                    + io.offloadctl.model.persist.PersistPlan.Item.parameterArguments(wanted) + " (it has "
                    + io.offloadctl.model.persist.PersistPlan.Item.parameterArguments(subset(after, wanted))
                    + "); every interface was put back as it was");
        }
        return new ParameterChange<>(name, settings, before, after);
    }

    private static <P> Map<P, Long> subset(Map<P, Long> values, Map<P, Long> keys) {
        Map<P, Long> subset = new LinkedHashMap<>();
        keys.keySet().forEach(key -> subset.put(key, values.get(key)));
        return subset;
    }

    /** Runs every step of an undo, the last first, even when one fails; the first failure (others suppressed in it), or null. */
    private static RuntimeException runAll(List<Runnable> steps) {
        RuntimeException first = null;
        for (int i = steps.size() - 1; i >= 0; i--) {
            try {
                steps.get(i).run();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        return first;
    }

    private static String describe(SetOutcome outcome) {
        return String.join(", ", outcome.report().unmet().stream()
                .map(line -> line.name() + " " + (line.active() ? "off" : "on"))
                .toList());
    }
}
