package io.offloadctl.api;

import static io.offloadctl.api.Fleet.createPolicy;
import static io.offloadctl.api.Fleet.hypervisor;
import static io.offloadctl.api.Fleet.policy;
import static io.offloadctl.api.Fleet.report;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.offloadctl.model.persist.PersistCommands;
import io.offloadctl.model.persist.PersistFormat;
import io.offloadctl.model.persist.PersistPlan;
import io.offloadctl.model.persist.PersistRenderer;
import io.offloadctl.model.persist.PersistTarget;
import io.quarkus.test.junit.QuarkusTest;

/** The API renders persistence artifacts with the shared renderers: the same text the node binary would write. */
@QuarkusTest
@ExtendWith(AsAdmin.class)
class RenderApiTest {

    @Inject
    Fleet fleet;

    @BeforeEach
    void empty() {
        fleet.clear();
    }

    @Test
    void policyRendersWithItsGlobsDriversAndLabels() {
        int id = createPolicy(policy("bnxt-ports", 10, "enforce", Map.of("matchLabels", Map.of("role", "hypervisor"),
                "interfaces", List.of("eno*"), "drivers", List.of("bnxt_en"), "kinds", List.of("physical")),
                Map.of("gro", false, "gso", false))).statusCode(201).extract().path("id");
        String expected = PersistRenderer.of(PersistFormat.UDEV, PersistCommands.offloadctl(PersistCommands.DEFAULT_OFFLOADCTL))
                .render(new PersistPlan("bnxt-ports", Map.of("role", "hypervisor"), List.of(new PersistPlan.Item(
                        PersistTarget.matching("eno*", List.of("bnxt_en")), Map.of("rx-gro", false, "tx-generic-segmentation", false))),
                        List.of("the policy also selects interface kinds [physical], which this artifact cannot express: "
                                + "check the interface names it matches")));
        given().get("/api/v1/policies/" + id + "/render?format=udev").then().statusCode(200)
                .contentType(containsString("text/plain")).body(equalTo(expected));
        given().get("/api/v1/policies/" + id + "/render?format=harvester-cloudinit").then().statusCode(200)
                .contentType(containsString("application/yaml"))
                .body(containsString("'role': 'hypervisor'"))
                .body(containsString("/usr/sbin/ethtool -K \"${dev##*/}\" gso off gro off"));
        int ports = createPolicy(policy("br0-ports", 10, "enforce", Map.of("masters", List.of("br0")),
                Map.of("gro", false))).statusCode(201).extract().path("id");
        given().get("/api/v1/policies/" + ports + "/render?format=shell").then().statusCode(200)
                .body(containsString("the policy selects only ports of [br0], which this artifact cannot express"));
        given().get("/api/v1/policies/" + id + "/render?format=tuned").then().statusCode(200)
                .body(containsString("devices=eno*\ndevices_udev_regex=^ID_NET_DRIVER=(bnxt_en)$\nfeatures=gso off gro off\n"));
        given().get("/api/v1/policies/" + id + "/render?format=networkmanager-keyfile").then().statusCode(200)
                .body(containsString("[match]\ninterface-name=eno*\ndriver=bnxt_en\n"));
        // a Talos document names one link: a policy selecting by glob and driver renders per node
        given().get("/api/v1/policies/" + id + "/render?format=talos").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("an EthernetConfig names one link"));
        given().get("/api/v1/policies/" + id + "/render?format=nmstate").then().statusCode(422)
                .body("detail", containsString("nmstate names interfaces exactly"));
        given().get("/api/v1/policies/" + id + "/render?format=docx").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("unknown format 'docx'"));
    }

    /** A policy's every section reaches its artifacts (a policy render once carried only its features and channels). */
    @Test
    void policyRendersEverySectionItSets() {
        Map<String, Object> body = new java.util.HashMap<>(policy("tuned-ports", 10, "enforce", Map.of("interfaces", List.of("eno1")),
                Map.of("gro", false)));
        body.put("channels", Map.of("combined", 4));
        body.put("limits", Map.of("gso_max_size", 65536));
        body.put("rings", Map.of("rx", 4096));
        body.put("coalesce", Map.of("rx_usecs", 50));
        body.put("pause", Map.of("autoneg", false, "rx", false));
        int id = createPolicy(body).statusCode(201).extract().path("id");
        given().get("/api/v1/policies/" + id + "/render?format=shell").then().statusCode(200)
                .body(containsString("/usr/local/bin/offloadctl set eno1 gro off"))
                .body(containsString("/usr/local/bin/offloadctl channels eno1 combined 4"))
                .body(containsString("/usr/local/bin/offloadctl limits eno1 gso_max_size 65536"))
                .body(containsString("/usr/local/bin/offloadctl rings eno1 rx 4096"))
                .body(containsString("/usr/local/bin/offloadctl coalesce eno1 rx-usecs 50"))
                .body(containsString("/usr/local/bin/offloadctl pause eno1 autoneg off rx off"));
        given().get("/api/v1/policies/" + id + "/render?format=networkd").then().statusCode(200)
                .body(containsString("RxBufferSize=4096\n")).body(containsString("AutoNegotiationFlowControl=no\nRxFlowControl=no\n"));
        given().get("/api/v1/policies/" + id + "/render?format=nmstate").then().statusCode(200)
                .body(containsString("        pause:\n          autoneg: false\n          rx: false\n"));
        given().get("/api/v1/policies/" + id).then().statusCode(200).body("policy.pause.autoneg", equalTo(false))
                .body("policy.pause.rx", equalTo(false));
    }

    @Test
    void nodeRendersItsEnforcedDesiredFeaturesOnly() {
        report("hv-1", hypervisor(Map.of(), true)).statusCode(201);
        given().get("/api/v1/nodes/hv-1/desired/render?format=shell").then().statusCode(404);
        createPolicy(policy("ports", 10, "enforce", Map.of("kinds", List.of("physical")), Map.of("gro", false))).statusCode(201);
        createPolicy(policy("taps-audit", 10, "audit", Map.of("kinds", List.of("tap")), Map.of("lro", true))).statusCode(201);
        given().get("/api/v1/nodes/hv-1/desired/render?format=systemd").then().statusCode(200)
                .body(containsString("ExecStart=/usr/local/bin/offloadctl set eno1 gro off\n"))
                .body(not(containsString("tap0")))
                .body(containsString("# note: desired-state revision 3 of node hv-1"));
        given().get("/api/v1/nodes/hv-1/desired/render?format=talos").then().statusCode(200).contentType(containsString("application/yaml"))
                .body(containsString("kind: EthernetConfig\nname: \"eno1\"\nfeatures:\n  rx-gro: false\n"));
        given().get("/api/v1/nodes/hv-1/desired/render?format=ignition").then().statusCode(200)
                .contentType(containsString("application/json")).body("ignition.version", equalTo("3.4.0"))
                .body("storage.files[0].path", equalTo("/etc/systemd/network/10-offloadctl-hv-1.link"))
                .body("storage.files[0].contents.source", containsString("GenericReceiveOffload%3Dno"));
        given().get("/api/v1/nodes/hv-1/desired/render?format=nmstate").then().statusCode(200)
                .body(containsString("    - name: \"eno1\"\n      type: ethernet\n      state: up\n      ethtool:\n        feature:\n          rx-gro: false\n"));
        given().get("/api/v1/nodes/hv-1/desired/render?format=shell&tool=ethtool").then().statusCode(200)
                .body(containsString("/usr/sbin/ethtool -K eno1 gro off || status=1"));

        // what the node's drivers cannot take is left out (a boot script would fail on it every time), and said
        Map<String, Object> pausing = new java.util.HashMap<>(policy("no-pause", 10, "enforce", Map.of("kinds", List.of("physical")),
                Map.of()));
        pausing.put("pause", Map.of("rx", false));
        createPolicy(pausing).statusCode(201);
        given().get("/api/v1/nodes/hv-1/desired/render?format=shell").then().statusCode(200)
                .body(containsString("/usr/local/bin/offloadctl set eno1 gro off"))
                .body(not(containsString("offloadctl pause")))
                .body(containsString("# note: left out, the node's drivers cannot take them: eno1 pause.rx "
                        + "(the driver of 'eno1' has no pause settings)"));
    }
}
