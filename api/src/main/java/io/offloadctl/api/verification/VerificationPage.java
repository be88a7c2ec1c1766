package io.offloadctl.api.verification;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of verifications, newest first. */
@Schema(description = "A page of verifications, newest first.")
public record VerificationPage(
        @Schema(description = "The verifications of this page.") List<Verification> items,
        @Schema(description = "Page number, from 0.", examples = "0") int page,
        @Schema(description = "Page size.", examples = "50") int size,
        @Schema(description = "Number of verifications matching the filters.", examples = "7") long total) {
}
