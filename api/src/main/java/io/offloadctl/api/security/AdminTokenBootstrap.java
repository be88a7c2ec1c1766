package io.offloadctl.api.security;

import java.util.Optional;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

/**
 * The first admin token: OFFLOADCTL_ADMIN_TOKEN when set (stored once, hashed); otherwise, when
 * no admin token exists, one is generated and printed once.
 */
public class AdminTokenBootstrap {

    void onStart(@Observes StartupEvent event, TokenStore tokens,
                 @ConfigProperty(name = "offloadctl.admin-token") Optional<String> configured) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            tokens.ensure(new NewToken("admin from OFFLOADCTL_ADMIN_TOKEN", Role.admin, null), configured.get().strip());
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
