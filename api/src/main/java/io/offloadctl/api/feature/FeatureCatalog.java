package io.offloadctl.api.feature;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The feature names policies may use. */
@Schema(description = "Kernel feature names and ethtool's legacy names with what they expand to.")
public record FeatureCatalog(
        @Schema(description = "Kernel feature names, in bit order.") List<String> kernelNames,
        @Schema(description = "ethtool's legacy names.") List<Alias> aliases) {

    /** One legacy name. */
    @Schema(description = "A legacy ethtool name and the kernel features it stands for.")
    public record Alias(
            @Schema(description = "Short name.", examples = "tso") String name,
            @Schema(description = "Long name as ethtool -k prints it.", examples = "tcp-segmentation-offload") String longName,
            @Schema(description = "The kernel names it expands to.", examples = "[\"tx-tcp-segmentation\", \"tx-tcp6-segmentation\"]") List<String> expandsTo) {
    }
}
