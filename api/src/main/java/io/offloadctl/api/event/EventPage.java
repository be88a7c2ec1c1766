package io.offloadctl.api.event;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of events, newest first. */
@Schema(description = "A page of events, newest first.")
public record EventPage(
        @Schema(description = "The events of this page.") List<Event> items,
        @Schema(description = "Page number, from 0.", examples = "0") int page,
        @Schema(description = "Page size.", examples = "50") int size,
        @Schema(description = "Number of events matching the filters.", examples = "1234") long total) {
}
