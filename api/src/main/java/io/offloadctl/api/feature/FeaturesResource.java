package io.offloadctl.api.feature;

import io.offloadctl.api.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.offloadctl.model.KernelFeatureNames;
import io.offloadctl.model.LegacyFlags;

/** The names policies accept. */
@Path("/api/v1/features")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "features", description = "Feature names and aliases")
@RolesAllowed({Role.ADMIN, Role.VIEWER})
public class FeaturesResource {

    @GET
    @Operation(operationId = "listFeatures", summary = "List feature names",
            description = "Every kernel feature name policies may use, and ethtool's legacy names (gro, gso, tso, ...) "
                    + "with the kernel names each one expands to.")
    public FeatureCatalog list() {
        return new FeatureCatalog(KernelFeatureNames.all(), LegacyFlags.all().stream()
                .map(flag -> new FeatureCatalog.Alias(flag.shortName(), flag.longName(),
                        KernelFeatureNames.all().stream().filter(flag::matches).toList()))
                .toList());
    }
}
