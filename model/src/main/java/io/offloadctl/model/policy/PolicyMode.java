package io.offloadctl.model.policy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether agents apply a policy or only report against it. Lower case: the words on the wire. */
@Schema(description = "enforce: agents apply the features; audit: agents only report compliance.")
public enum PolicyMode {
    enforce, audit
}
