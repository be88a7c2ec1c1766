package io.offloadctl.api;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.offloadctl.api.event.EventEntity;
import io.offloadctl.api.node.NodeEntity;
import io.offloadctl.api.node.NodeInterfaceEntity;
import io.offloadctl.api.policy.PolicyEntity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Test helpers: an empty database, and node reports and policies sent over HTTP. */
@ApplicationScoped
public class Fleet {

    @Transactional
    public void clear() {
        NodeInterfaceEntity.deleteAll();
        NodeEntity.deleteAll();
        PolicyEntity.deleteAll();
        io.offloadctl.api.rollout.RolloutNodeEntity.deleteAll();
        io.offloadctl.api.rollout.RolloutEntity.deleteAll();
        EventEntity.deleteAll();
        io.offloadctl.api.verification.VerificationEntity.deleteAll();
        io.offloadctl.api.security.TokenEntity.delete("role <> ?1", "admin");
    }

    /** A feature as an agent reports it. */
    public static Map<String, Object> feature(boolean active, boolean changeable) {
        return Map.of("active", active, "requested", active, "changeable", changeable, "fixed", !changeable);
    }

    public static Map<String, Object> iface(String name, String kind, String driver, Map<String, Object> features) {
        Map<String, Object> iface = new LinkedHashMap<>();
        iface.put("name", name);
        iface.put("kind", kind);
        iface.put("driver", driver);
        iface.put("mtu", 1500);
        iface.put("counters", Map.of("rx_packets", 10));
        iface.put("features", features);
        return iface;
    }

    /** A hypervisor with a bnxt_en port in a bridge and a VM tap: gro on, lro fixed off. */
    public static Map<String, Object> hypervisor(Map<String, String> labels, boolean gro) {
        Map<String, Object> features = Map.of("rx-gro", feature(gro, true), "tx-generic-segmentation", feature(true, true),
                "rx-lro", feature(false, false));
        return Map.of("labels", labels, "kernel", "6.18.0", "agentVersion", "0.1.0", "interfaces", List.of(
                iface("eno1", "physical", "bnxt_en", features),
                iface("br0", "bridge", "bridge", features),
                iface("tap0", "tap", "tun", features)));
    }

    public static ValidatableResponse report(String node, Object body) {
        return given().contentType(ContentType.JSON).body(body).when().put("/api/v1/nodes/" + node + "/state").then();
    }

    public static ValidatableResponse createPolicy(Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/policies").then();
    }

    /** The whole fleet at once: what every test of something other than rollouts asks for. */
    public static final Map<String, Object> AT_ONCE = Map.of("canary", 0, "maxUnavailable", "100%", "soak", "0s");

    /** A policy that reaches every node it changes at once ({@link #AT_ONCE}). */
    public static Map<String, Object> policy(String name, int priority, String mode, Map<String, Object> selector,
                                             Map<String, Boolean> features) {
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("rollout", AT_ONCE);
        policy.put("name", name);
        policy.put("priority", priority);
        policy.put("mode", mode);
        if (selector != null) {
            policy.put("selector", selector);
        }
        policy.put("features", features);
        return policy;
    }
}
