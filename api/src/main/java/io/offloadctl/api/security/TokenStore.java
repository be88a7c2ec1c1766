package io.offloadctl.api.security;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;
import io.offloadctl.api.FleetLock;
import io.offloadctl.api.JsonCodec;
import io.offloadctl.api.node.NodeNames;
import io.offloadctl.api.problem.ApiException;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.policy.ValidationException;
import io.offloadctl.model.policy.Violation;
import io.quarkus.panache.common.Sort;

/** Creates, finds and revokes tokens. Tokens are random; only their SHA-256 is stored. */
@ApplicationScoped
public class TokenStore {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The name of the admin token OFFLOADCTL_ADMIN_TOKEN gives: at most one token of that name is active. */
    static final String ENVIRONMENT_ADMIN = "admin from OFFLOADCTL_ADMIN_TOKEN";

    private final AgroalDataSource dataSource;
    private final FleetLock fleet;

    public TokenStore(AgroalDataSource dataSource, FleetLock fleet) {
        this.dataSource = dataSource;
        this.fleet = fleet;
    }

    /** A token that passed: its role and, for agents, its node. */
    public record Holder(long id, String name, Role role, String node) {
    }

    /**
     * Every request comes through here: one query on an autocommit connection, no ORM, no
     * transaction, and nothing cached (a revoked token fails on its next request).
     */
    public Optional<Holder> authenticate(String token) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "select id, name, role, node from api_token where token_hash = ? and revoked_at is null")) {
            statement.setString(1, JsonCodec.sha256(token));
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Holder(row.getLong(1), row.getString(2), Role.valueOf(row.getString(3)), row.getString(4)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
    }

    @Transactional
    public TokenView create(NewToken request) {
        validate(request);
        String token = newValue();
        return TokenView.of(store(request, token), token);
    }

    /**
     * Makes the environment's admin token the one that works: stored when new, active again when it
     * had been revoked (whoever sets the variable holds the service), and every earlier token from
     * the variable revoked, so rotating the variable retires the old value. What happened, for the log.
     */
    @Transactional
    public String adoptEnvironmentAdmin(String token) {
        fleet.acquire();
        String hash = JsonCodec.sha256(token);
        TokenEntity current = TokenEntity.find("tokenHash", hash).firstResult();
        String outcome;
        if (current == null) {
            store(new NewToken(ENVIRONMENT_ADMIN, Role.admin, null), token);
            outcome = "stored";
        } else if (!Role.admin.name().equals(current.role)) {
            return "refused: that value is the " + current.role + " token '" + current.name + "' (id " + current.id
                    + "), not an admin token; set OFFLOADCTL_ADMIN_TOKEN to a new random value";
        } else if (current.revokedAt != null) {
            current.revokedAt = null;
            outcome = "active again (it had been revoked)";
        } else {
            outcome = "active";
        }
        long retired = TokenEntity.update("revokedAt = ?1 where name = ?2 and tokenHash <> ?3 and revokedAt is null",
                OffsetDateTime.now(ZoneOffset.UTC), ENVIRONMENT_ADMIN, hash);
        return outcome + (retired > 0 ? "; " + retired + " earlier token(s) from the variable revoked" : "");
    }

    @Transactional
    public long activeAdmins() {
        return TokenEntity.count("role = ?1 and revokedAt is null", Role.admin.name());
    }

    /** The name of the tokens enrollment makes (their node is in their node column). */
    public static final String ENROLLED = "enrolled agent";

    /**
     * A new agent token bound to {@code node} for an enrolling agent; the node's earlier enrolled
     * tokens are revoked (a re-installed node enrolls again, and only its newest token works).
     */
    @Transactional
    public TokenView enroll(String node) {
        fleet.acquire();
        TokenEntity.update("revokedAt = ?1 where role = ?2 and node = ?3 and name = ?4 and revokedAt is null",
                OffsetDateTime.now(ZoneOffset.UTC), Role.agent.name(), node, ENROLLED);
        String token = newValue();
        return TokenView.of(store(new NewToken(ENROLLED, Role.agent, node), token), token);
    }

    /** One token as listed (without its value). */
    public TokenView find(long id) {
        TokenEntity entity = TokenEntity.findById(id);
        if (entity == null) {
            throw ApiException.notFound("no token with id " + id);
        }
        return TokenView.of(entity, null);
    }

    public List<TokenView> list() {
        return TokenEntity.<TokenEntity>listAll(Sort.by("id")).stream().map(e -> TokenView.of(e, null)).toList();
    }

    /** Revokes a token; never the last active admin token, which would leave nobody able to administer. */
    @Transactional
    public void revoke(long id) {
        fleet.acquire();
        TokenEntity entity = TokenEntity.findById(id);
        if (entity == null) {
            throw ApiException.notFound("no token with id " + id);
        }
        if (entity.revokedAt == null && Role.admin.name().equals(entity.role) && activeAdmins() == 1) {
            throw ApiException.conflict("token " + id + " is the last active admin token; create another admin token "
                    + "before revoking this one");
        }
        if (entity.revokedAt == null) {
            entity.revokedAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
    }

    private static TokenEntity store(NewToken request, String token) {
        TokenEntity entity = new TokenEntity();
        entity.name = request.name();
        entity.role = request.role().name();
        entity.node = request.node() == null ? null : NodeNames.canonical(request.node());
        entity.tokenHash = JsonCodec.sha256(token);
        entity.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        entity.persist();
        return entity;
    }

    private static void validate(NewToken request) {
        List<Violation> violations = new ArrayList<>();
        if (request.name() == null || request.name().isBlank() || request.name().length() > 100) {
            violations.add(new Violation("name", "must be 1 to 100 characters"));
        }
        if (request.role() == null) {
            violations.add(new Violation("role", "must be one of " + java.util.Arrays.toString(Role.values())));
        } else if (request.role() == Role.agent && (request.node() == null || request.node().isBlank())) {
            violations.add(new Violation("node", "is required for an agent token"));
        } else if (request.role() != Role.agent && request.node() != null) {
            violations.add(new Violation("node", "is only for agent tokens"));
        } else if (request.node() != null) {
            try {
                NodeNames.canonical(request.node());
            } catch (OffloadException e) {
                violations.add(new Violation("node", e.getMessage()));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /** A new token value: oc_ and 32 random bytes, URL-safe. */
    private static String newValue() {
        return "oc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
