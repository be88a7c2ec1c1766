package io.offloadctl.api.security;

import java.util.Optional;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

/**
 * The first admin token: OFFLOADCTL_ADMIN_TOKEN when set (stored hashed; a changed value retires the
 * old one, a revoked one works again; the log says which); otherwise, when no admin token exists, one
 * is generated and printed once.
 */
public class AdminTokenBootstrap {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(AdminTokenBootstrap.class);

    void onStart(@Observes StartupEvent event, TokenStore tokens,
                 @ConfigProperty(name = "offloadctl.admin-token") Optional<String> configured) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            LOG.info("admin token from OFFLOADCTL_ADMIN_TOKEN: " + tokens.adoptEnvironmentAdmin(configured.get().strip()));
            return;
        }
        if (tokens.activeAdmins() == 0) {
            TokenView created = tokens.create(new NewToken("first admin (generated)", Role.admin, null));
            // Printed, not logged: it must reach the operator once and no log file.
            System.out.println("offloadctl: no admin token existed; created one (shown only now): " + created.token());
            System.out.flush();
        }
    }
}
