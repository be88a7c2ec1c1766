package io.offloadctl.model.diagnose;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How much a finding matters. Lower case: the words on the wire and in the rule files. */
@Schema(description = "How much a finding matters: info (worth knowing), warning (known to break throughput or "
        + "forwarding), critical (breaks it now).")
public enum Severity {
    info, warning, critical;

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
