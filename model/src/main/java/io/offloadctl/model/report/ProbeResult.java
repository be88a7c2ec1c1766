package io.offloadctl.model.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One probe an agent made around a change: whether its target answered before the change and
 * after it. Only a probe that answered before and not after rolls a change back.
 */
@Schema(description = "A probe around a change: gateway (ICMP echo to the default gateway, from the node's namespace), "
        + "api (a TCP connection to the API) or tcp (a --probe target). Only a probe that answered before the change and "
        + "not after it rolls the change back.")
public record ProbeResult(
        @Schema(description = "gateway, api or tcp.", examples = "gateway", required = true) String name,
        @Schema(description = "What was probed.", examples = "198.18.0.1", required = true) String target,
        @Schema(description = "Whether it answered before the change.") boolean before,
        @Schema(nullable = true, description = "Whether it answered after the change; null when the change was not made.") Boolean after,
        @Schema(nullable = true, description = "Why it did not answer, when it did not.", examples = "no echo reply within 2000 ms") String message) {

    /** Whether this probe says the change broke something. */
    public boolean brokeByChange() {
        return before && Boolean.FALSE.equals(after);
    }
}
