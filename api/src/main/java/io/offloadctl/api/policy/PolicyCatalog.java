package io.offloadctl.api.policy;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import io.offloadctl.api.JsonCodec;
import io.offloadctl.model.policy.Policy;
import io.offloadctl.model.policy.PolicyMode;
import io.offloadctl.model.policy.Selector;

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
                io.offloadctl.model.policy.RemovalAction.valueOf(entity.onRemove));
    }

    StoredPolicy toStored(PolicyEntity entity) {
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
    }
}
