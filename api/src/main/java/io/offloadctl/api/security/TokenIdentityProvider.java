package io.offloadctl.api.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Turns a bearer token into an identity with its role and, for agents, the node it is bound to. */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** Identity attribute holding an agent's node. */
    public static final String NODE = "offloadctl.node";

    /** A token's principal is this and its id. */
    private static final String PRINCIPAL_PREFIX = "token-";

    private final TokenStore tokens;

    /** The id of the token behind a principal this provider made. */
    static long tokenId(java.security.Principal principal) {
        return Long.parseLong(principal.getName().substring(PRINCIPAL_PREFIX.length()));
    }

    public TokenIdentityProvider(TokenStore tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> tokens.authenticate(request.getToken().getToken())
                .map(holder -> {
                    QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                            .setPrincipal(new QuarkusPrincipal(PRINCIPAL_PREFIX + holder.id()))
                            .addRole(holder.role().name());
                    if (holder.node() != null) {
                        identity.addAttribute(NODE, holder.node());
                    }
                    return (SecurityIdentity) identity.build();
                })
                .orElseThrow(() -> new AuthenticationFailedException("unknown or revoked token")));
    }
}
