package io.offloadctl.model.policy;

import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.offloadctl.model.settings.ChannelRequest;
import io.offloadctl.model.settings.CoalesceRequest;
import io.offloadctl.model.settings.LimitRequest;
import io.offloadctl.model.settings.PauseRequest;
import io.offloadctl.model.settings.RingRequest;

/**
 * A desired-state rule: which interfaces, which settings (features on or off, channel counts, size limits), how
 * strongly, enforced or audited.
 */
@Schema(description = "A policy: the features to turn on or off, the channel counts, size limits, ring sizes, coalescing and pause "
        + "to set on the interfaces its selector picks.")
public record Policy(
        @Schema(description = "Unique name: lower-case letters, digits and dashes.", examples = "bridge-ports-no-gro", required = true) String name,
        @Schema(nullable = true, description = "Why the policy exists, for the next operator.", examples = "Harvester on bnxt_en: GRO/GSO collapse cross-node throughput") String description,
        @Schema(description = "Higher wins when policies disagree on a feature; equal priorities that disagree are a conflict.", examples = "100") int priority,
        @Schema(description = "enforce or audit.", required = true) PolicyMode mode,
        @Schema(description = "Which nodes and interfaces the policy applies to; omitted means all.") Selector selector,
        @Schema(description = "Features to set, by kernel name or ethtool legacy name (gro, gso, tso, lro, sg, ...); stored as kernel names.",
                examples = "{\"gro\": false, \"gso\": false}") Map<String, Boolean> features,
        @Schema(description = "What agents do with the features this policy set when it no longer governs them: keep "
                + "(default) or restore the originals they recorded.") RemovalAction onRemove,
        @Schema(nullable = true, description = "How a change of this enforce-mode policy reaches the nodes: in waves, canary first "
                + "(left out: the defaults described there). Stored with the defaults filled in.") Rollout rollout,
        @Schema(nullable = true, description = "Channel (queue) counts to set, as ethtool -L sets them; a policy names features, "
                + "channels, limits or several of them.", examples = "{\"rx\": 2, \"tx\": 2}") ChannelRequest channels,
        @Schema(nullable = true, description = "Segmentation and aggregation size limits to set, as ip link sets them.",
                examples = "{\"gso_max_size\": 65536}") LimitRequest limits,
        @Schema(nullable = true, description = "Ring sizes to set, as ethtool -G sets them.", examples = "{\"rx\": 4096, \"tx\": 4096}")
        RingRequest rings,
        @Schema(nullable = true, description = "Interrupt coalescing to set, as ethtool -C sets it.",
                examples = "{\"adaptive_rx\": false, \"rx_usecs\": 50}") CoalesceRequest coalesce,
        @Schema(nullable = true, description = "Pause (flow control) to set, as ethtool -A sets it.",
                examples = "{\"autoneg\": false, \"rx\": false, \"tx\": false}") PauseRequest pause) {

    public Policy {
        selector = selector == null ? Selector.ALL : selector;
        features = features == null ? Map.of() : new TreeMap<>(features);
        onRemove = onRemove == null ? RemovalAction.keep : onRemove;
        channels = channels == null || channels.namesNone() ? null : channels;
        limits = limits == null || limits.namesNone() ? null : limits;
        rings = rings == null || rings.namesNone() ? null : rings;
        coalesce = coalesce == null || coalesce.namesNone() ? null : coalesce;
        pause = pause == null || pause.namesNone() ? null : pause;
    }

    /** A policy without pause. */
    public Policy(String name, String description, int priority, PolicyMode mode, Selector selector, Map<String, Boolean> features,
                  RemovalAction onRemove, Rollout rollout, ChannelRequest channels, LimitRequest limits, RingRequest rings,
                  CoalesceRequest coalesce) {
        this(name, description, priority, mode, selector, features, onRemove, rollout, channels, limits, rings, coalesce, null);
    }

    /** A policy of features, channels and limits. */
    public Policy(String name, String description, int priority, PolicyMode mode, Selector selector, Map<String, Boolean> features,
                  RemovalAction onRemove, Rollout rollout, ChannelRequest channels, LimitRequest limits) {
        this(name, description, priority, mode, selector, features, onRemove, rollout, channels, limits, null, null, null);
    }

    /** A policy of features and channels. */
    public Policy(String name, String description, int priority, PolicyMode mode, Selector selector, Map<String, Boolean> features,
                  RemovalAction onRemove, Rollout rollout, ChannelRequest channels) {
        this(name, description, priority, mode, selector, features, onRemove, rollout, channels, null);
    }

    /** A policy of features only. */
    public Policy(String name, String description, int priority, PolicyMode mode, Selector selector, Map<String, Boolean> features,
                  RemovalAction onRemove, Rollout rollout) {
        this(name, description, priority, mode, selector, features, onRemove, rollout, null);
    }

    /** The channel counts this policy sets, by kind; empty when it sets none. */
    public Map<io.offloadctl.model.settings.ChannelKind, Integer> channelCounts() {
        return channels == null ? Map.of() : channels.counts();
    }

    /** The size limits this policy sets, by name; empty when it sets none. */
    public Map<io.offloadctl.model.settings.LinkLimit, Long> limitValues() {
        return limits == null ? Map.of() : limits.values();
    }

    /** The ring sizes this policy sets, by parameter (tx_push as 1 or 0); empty when it sets none. */
    public Map<io.offloadctl.model.settings.RingParameter, Long> ringValues() {
        return rings == null ? Map.of() : rings.values();
    }

    /** The coalescing this policy sets, by parameter (on/off as 1 or 0); empty when it sets none. */
    public Map<io.offloadctl.model.settings.CoalesceParameter, Long> coalesceValues() {
        return coalesce == null ? Map.of() : coalesce.values();
    }

    /** The pause parameters this policy sets, as 1 or 0; empty when it sets none. */
    public Map<io.offloadctl.model.settings.PauseParameter, Long> pauseValues() {
        return pause == null ? Map.of() : pause.values();
    }

    /** Whether it sets anything but features. */
    public boolean setsOtherThanFeatures() {
        return channels != null || limits != null || rings != null || coalesce != null || pause != null;
    }

    public Policy(String name, String description, int priority, PolicyMode mode, Selector selector, Map<String, Boolean> features,
                  RemovalAction onRemove) {
        this(name, description, priority, mode, selector, features, onRemove, null);
    }

    /** The rollout, defaults filled in when left out. */
    public Rollout rolloutOrDefault() {
        return rollout == null ? Rollout.DEFAULT : rollout.normalized();
    }

    /** The same policy as another rollout would bring it. */
    public Policy withRollout(Rollout other) {
        return new Policy(name, description, priority, mode, selector, features, onRemove, other, channels, limits, rings, coalesce, pause);
    }

    /** A policy whose removal keeps what it set. */
    public Policy(String name, String description, int priority, PolicyMode mode, Selector selector, Map<String, Boolean> features) {
        this(name, description, priority, mode, selector, features, RemovalAction.keep);
    }
}
