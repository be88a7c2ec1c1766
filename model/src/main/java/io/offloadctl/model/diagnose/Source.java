package io.offloadctl.model.diagnose;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A public source a rule's knowledge comes from. */
@Schema(description = "A public source of a diagnostic rule: what it is and where to read it.")
public record Source(
        @Schema(description = "What the source is.", examples = "flannel-io/flannel#1279: UDP: bad checksum on VXLAN interface",
                required = true) String title,
        @Schema(description = "Where to read it.", examples = "https://github.com/flannel-io/flannel/issues/1279", required = true)
        String url) {
}
