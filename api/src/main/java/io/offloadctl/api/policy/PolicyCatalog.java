package io.offloadctl.api.policy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import io.offloadctl.api.JsonCodec;
import io.offloadctl.model.policy.Policy;
import io.offloadctl.model.policy.PolicyMode;
import io.offloadctl.model.policy.Rollout;
import io.offloadctl.model.policy.Selector;
import io.offloadctl.model.settings.ChannelRequest;
import io.offloadctl.model.settings.LimitRequest;

/** Reads stored policies as model policies. Always from the database: no cache to disagree with another instance. */
@ApplicationScoped
public class PolicyCatalog {

    private static final TypeReference<Map<String, Boolean>> FEATURES = new TypeReference<>() {
    };

    private final JsonCodec json;

    public PolicyCatalog(JsonCodec json) {
        this.json = json;
    }

    public List<Policy> all() {
        return PolicyEntity.<PolicyEntity>listAll().stream().map(this::toPolicy).toList();
    }

    Policy toPolicy(PolicyEntity entity) {
        return new Policy(entity.name, entity.description, entity.priority, PolicyMode.valueOf(entity.mode),
                json.read(entity.selector, Selector.class), json.read(entity.features, FEATURES),
                io.offloadctl.model.policy.RemovalAction.valueOf(entity.onRemove),
                entity.rollout == null ? Rollout.DEFAULT : json.read(entity.rollout, Rollout.class),
                entity.channels == null ? null : json.read(entity.channels, ChannelRequest.class),
                entity.limits == null ? null : json.read(entity.limits, LimitRequest.class),
                entity.rings == null ? null : json.read(entity.rings, io.offloadctl.model.settings.RingRequest.class),
                entity.coalesce == null ? null : json.read(entity.coalesce, io.offloadctl.model.settings.CoalesceRequest.class),
                entity.pause == null ? null : json.read(entity.pause, io.offloadctl.model.settings.PauseRequest.class));
    }

    public StoredPolicy toStored(PolicyEntity entity) {
        return new StoredPolicy(entity.id, entity.version, entity.createdAt, entity.updatedAt, toPolicy(entity));
    }

    void copyInto(Policy policy, PolicyEntity entity) {
        entity.name = policy.name();
        entity.description = policy.description();
        entity.priority = policy.priority();
        entity.mode = policy.mode().name();
        entity.onRemove = policy.onRemove().name();
        entity.selector = json.write(policy.selector());
        entity.features = json.write(policy.features());
        entity.rollout = json.write(policy.rolloutOrDefault());
        entity.channels = policy.channels() == null ? null : json.write(policy.channels());
        entity.limits = policy.limits() == null ? null : json.write(policy.limits());
        entity.rings = policy.rings() == null ? null : json.write(policy.rings());
        entity.coalesce = policy.coalesce() == null ? null : json.write(policy.coalesce());
        entity.pause = policy.pause() == null ? null : json.write(policy.pause());
    }

    /**
     * Puts a policy back as it was before a change (an aborted rollout): the stored row is given the
     * earlier content at a new version, or, when the change deleted it, inserted again under its id.
     */
    public void restore(StoredPolicy before) {
        PolicyEntity entity = PolicyEntity.findById(before.id());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (entity != null) {
            copyInto(before.policy(), entity);
            entity.version++;
            entity.updatedAt = now;
            return;
        }
        PolicyEntity.getEntityManager().createNativeQuery("insert into policy (id, name, description, priority, mode, on_remove, "
                        + "selector, features, rollout, version, created_at, updated_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
                .setParameter(1, before.id()).setParameter(2, before.policy().name()).setParameter(3, before.policy().description())
                .setParameter(4, before.policy().priority()).setParameter(5, before.policy().mode().name())
                .setParameter(6, before.policy().onRemove().name()).setParameter(7, json.write(before.policy().selector()))
                .setParameter(8, json.write(before.policy().features())).setParameter(9, json.write(before.policy().rolloutOrDefault()))
                .setParameter(10, before.version() + 1).setParameter(11, before.createdAt()).setParameter(12, now)
                .executeUpdate();
        if (before.policy().channels() != null) {
            // Set apart: a null bound in a native query has no type PostgreSQL can infer.
            PolicyEntity.getEntityManager().createNativeQuery("update policy set channels = ?1 where id = ?2")
                    .setParameter(1, json.write(before.policy().channels())).setParameter(2, before.id()).executeUpdate();
        }
        setApart("size_limits", before.policy().limits(), before.id());
        setApart("rings", before.policy().rings(), before.id());
        setApart("coalesce_settings", before.policy().coalesce(), before.id());
        setApart("pause_settings", before.policy().pause(), before.id());
    }

    /** One optional section's column of a row inserted again, when the policy sets it. */
    private void setApart(String column, Object section, long id) {
        if (section != null) {
            PolicyEntity.getEntityManager().createNativeQuery("update policy set " + column + " = ?1 where id = ?2")
                    .setParameter(1, json.write(section)).setParameter(2, id).executeUpdate();
        }
    }

    /** Removes a policy (an aborted creation); false when it is gone already. */
    public boolean remove(long id) {
        return PolicyEntity.deleteById(id);
    }
}
