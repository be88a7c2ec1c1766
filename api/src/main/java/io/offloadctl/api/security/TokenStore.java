package io.offloadctl.api.security;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;

import io.offloadctl.api.JsonCodec;
import io.offloadctl.api.problem.ApiException;
import io.offloadctl.model.policy.ValidationException;
import io.offloadctl.model.policy.Violation;
import io.quarkus.panache.common.Sort;

/** Creates, finds and revokes tokens. Tokens are random; only their SHA-256 is stored. */
@ApplicationScoped
public class TokenStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token that passed: its role and, for agents, its node. */
    public record Holder(long id, String name, Role role, String node) {
    }

    @ActivateRequestContext
    @Transactional
    public Optional<Holder> authenticate(String token) {
        // Every request comes through here: plain SQL, no entity.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = TokenEntity.getEntityManager()
                .createNativeQuery("select id, name, role, node from api_token where token_hash = ?1 and revoked_at is null")
                .setParameter(1, JsonCodec.sha256(token)).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        return Optional.of(new Holder(((Number) row[0]).longValue(), (String) row[1], Role.valueOf((String) row[2]), (String) row[3]));
    }

    @Transactional
    public TokenView create(NewToken request) {
        validate(request);
        String token = "oc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        return TokenView.of(store(request, token), token);
    }

    /** Stores a token whose value is given (the first admin token from the environment); idempotent. */
    @Transactional
    public boolean ensure(NewToken request, String token) {
        if (TokenEntity.count("tokenHash", JsonCodec.sha256(token)) > 0) {
            return false;
        }
        store(request, token);
        return true;
    }

    @Transactional
    public long activeAdmins() {
        return TokenEntity.count("role = ?1 and revokedAt is null", Role.admin.name());
    }

    public List<TokenView> list() {
        return TokenEntity.<TokenEntity>listAll(Sort.by("id")).stream().map(e -> TokenView.of(e, null)).toList();
    }

    @Transactional
    public void revoke(long id) {
        TokenEntity entity = TokenEntity.findById(id);
        if (entity == null) {
            throw ApiException.notFound("no token with id " + id);
        }
        if (entity.revokedAt == null) {
            entity.revokedAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
    }

    private static TokenEntity store(NewToken request, String token) {
        TokenEntity entity = new TokenEntity();
        entity.name = request.name();
        entity.role = request.role().name();
        entity.node = request.node();
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
            violations.add(new Violation("role", "must be admin, viewer or agent"));
        } else if (request.role() == Role.agent && (request.node() == null || request.node().isBlank())) {
            violations.add(new Violation("node", "is required for an agent token"));
        } else if (request.role() != Role.agent && request.node() != null) {
            violations.add(new Violation("node", "is only for agent tokens"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
