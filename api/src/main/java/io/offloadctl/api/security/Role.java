package io.offloadctl.api.security;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a token may do. Lower case: the words on the wire and the role names checked by @RolesAllowed. */
@Schema(description = "admin: everything; viewer: read only; agent: bound to one node, may report its state, "
        + "read its desired state and post its enactments, nothing else; enroller: may only enroll nodes (POST "
        + "/api/v1/nodes/{node}/enrollment), each getting an agent token of its own: the one secret a DaemonSet "
        + "shares.")
public enum Role {
    admin, viewer, agent, enroller;

    public static final String ADMIN = "admin";
    public static final String VIEWER = "viewer";
    public static final String AGENT = "agent";
    public static final String ENROLLER = "enroller";
}
