package io.offloadctl.api.security;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/** Agent tokens are bound to one node: they may act for that node and no other. */
@RequestScoped
public class NodeAccess {

    private final SecurityIdentity identity;

    public NodeAccess(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Admins and viewers pass (their roles are checked by @RolesAllowed); agents only for their own node. */
    public void check(String node) {
        if (!identity.hasRole(Role.AGENT)) {
            return;
        }
        String bound = identity.getAttribute(TokenIdentityProvider.NODE);
        if (bound == null || !bound.equals(node)) {
            throw new ForbiddenException("this agent token is bound to node '" + bound + "', not '" + node + "'");
        }
    }
}
