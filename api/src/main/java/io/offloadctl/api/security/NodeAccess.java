package io.offloadctl.api.security;

import jakarta.enterprise.context.RequestScoped;

import io.offloadctl.api.node.NodeNames;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/** Agent tokens are bound to one node: they may act for that node and no other. */
@RequestScoped
public class NodeAccess {

    private final SecurityIdentity identity;

    public NodeAccess(SecurityIdentity identity) {
        this.identity = identity;
    }

    /**
     * The node's canonical name, when this identity may act for it: admins and viewers pass (their
     * roles are checked by @RolesAllowed); agents only for their own node.
     */
    public String check(String node) {
        String name = NodeNames.canonical(node);
        if (!identity.hasRole(Role.AGENT)) {
            return name;
        }
        String bound = identity.getAttribute(TokenIdentityProvider.NODE);
        if (bound == null || !bound.equals(name)) {
            throw new ForbiddenException("this agent token is bound to node '" + bound + "', not '" + name + "'");
        }
        return name;
    }
}
