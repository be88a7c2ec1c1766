package io.offloadctl.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * The node binary's {@code report} against the packaged API: a network namespace with a bridge
 * and a veth port is read through ioctl and rtnetlink, sent through the client generated from the
 * contract, and the API shows exactly what the kernel has.
 */
class ReportCommandIT {

    static final String NAMESPACE = "oct-report-" + ProcessHandle.current().pid();
    static ApiProcess api;

    @BeforeAll
    static void start() throws Exception {
        Processes.createNode(NAMESPACE);
        Processes.run("ip", "netns", "exec", NAMESPACE, "ethtool", "-K", "vb", "gro", "on");
        api = ApiProcess.start("report", "report-admin",
                Map.of("OFFLOADCTL_DATA_DIR", java.nio.file.Path.of("target", "report-it-data-" + ProcessHandle.current().pid()).toAbsolutePath().toString(),
                        "OFFLOADCTL_FINDINGS_SHORTEST_SAMPLE", "500ms"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (api != null) {
            api.close();
        }
        Processes.deleteNamespace(NAMESPACE);
    }

    @Test
    void theApiShowsWhatTheKernelHas() throws Exception {
        api.request().contentType(ContentType.JSON)
                .body(Fleet.policy("ports-no-gro", 10, "audit", Map.of("matchLabels", Map.of("lab", "report"),
                        "interfaces", List.of("vb")), Map.of("gro", false)))
                .post("/api/v1/policies").then().statusCode(201);

        String out = offloadctl("--netns", NAMESPACE, "report", "--server", api.url(), "--node", "lab-node",
                "--label", "lab=report");
        assertEquals("reported lab-node: 5 interfaces, changed; status drifted; desired-state revision 1\n", out);

        api.request().get("/api/v1/nodes/lab-node").then().statusCode(200)
                .body("summary.labels.lab", equalTo("report"))
                .body("report.interfaces.name", containsInAnyOrder("lo", "va", "vb", "br0", "tap0"))
                .body("report.interfaces.find { it.name == 'vb' }.master", equalTo("br0"))
                .body("report.interfaces.find { it.name == 'br0' }.kind", equalTo("bridge"))
                .body("report.interfaces.find { it.name == 'vb' }.features.rx-gro.active", equalTo(true))
                .body("report.interfaces.find { it.name == 'lo' }.features.rx-lro.fixed", equalTo(true))
                .body("compliance.find { it.name == 'vb' }.deviations.setting", contains("rx-gro"));
        // The diagnostic rules ran on the report: br0 carries a tap (a virtio guest's host side) with TSO/GSO on.
        api.request().get("/api/v1/findings?node=lab-node").then().statusCode(200)
                .body("items.finding.rule", hasItem("virtio-host-segmentation"))
                .body("items.finding.severity", everyItem(equalTo("info")));
        // Audit: nothing on the node changed.
        assertTrue(Processes.features(NAMESPACE, "vb").contains("generic-receive-offload: on\n"));

        String again = offloadctl("--netns", NAMESPACE, "report", "--server", api.url(), "--node", "lab-node",
                "--label", "lab=report");
        assertTrue(again.contains(", unchanged; status drifted"), again);
    }

    @Test
    void verifyPostsItsResultThroughTheGeneratedClient() throws Exception {
        // The API keeps verifications only of nodes it knows: the node reports first.
        offloadctl("--netns", NAMESPACE, "report", "--server", api.url(), "--node", "lab-verify", "--label", "lab=report");
        Processes.run("ip", "-n", NAMESPACE, "link", "set", "lo", "up");
        Process server = new ProcessBuilder(System.getProperty("offloadctl.test.node-binary"), "--netns", NAMESPACE,
                "perf", "server", "--bind", "127.0.0.1").redirectErrorStream(true).start();
        try {
            Thread.sleep(1500);
            Processes.Result verify = Processes.offloadctl(api.token, "--netns", NAMESPACE, "verify", "--peer", "127.0.0.1",
                    "--set", "gro off", "--duration", "500ms", "lo", "--server", api.url(), "--node", "lab-verify");
            assertTrue(verify.exitCode() == 0 || verify.exitCode() == 4, verify.output());
            assertTrue(verify.output().contains("posted to " + api.url() + " as node lab-verify"), verify.output());
        } finally {
            server.destroy();
            server.waitFor();
        }
        api.request().get("/api/v1/verifications?node=lab-verify").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].result.peer", equalTo("127.0.0.1"))
                .body("items[0].result.interfaces", contains("lo"))
                .body("items[0].result.settings.rx-gro", equalTo(false));
    }

    /**
     * Two consecutive reports of one node: the API's findings and doctor's, given the two node views
     * the API showed after each, are the same findings (the symptom rules judge the counters between).
     */
    @Test
    void twoReportsAreJudgedByTheApiAsDoctorJudgesThem() throws Exception {
        java.nio.file.Path base = java.nio.file.Files.createTempFile("oct-pair", ".json");
        java.nio.file.Path first = java.nio.file.Files.createTempFile("oct-pair-1", ".json");
        java.nio.file.Path second = java.nio.file.Files.createTempFile("oct-pair-2", ".json");
        try {
            Processes.offloadctl(api.token, "--netns", NAMESPACE, "doctor", "--save", base.toString(), "--cache", "/nonexistent");
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            var report = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(java.nio.file.Files.readString(base));
            api.request().contentType(ContentType.JSON).body(report.toString()).put("/api/v1/nodes/pair-node/state").then().statusCode(201);
            java.nio.file.Files.writeString(first, api.request().get("/api/v1/nodes/pair-node").then().statusCode(200).extract().asString());
            Thread.sleep(1200);
            for (var iface : report.get("interfaces")) {
                if (iface.get("name").asText().equals("va")) {
                    var counters = (com.fasterxml.jackson.databind.node.ObjectNode) iface.get("counters");
                    // 100 MB in as 200-byte packets, 1 MB out, 5,000 drops
                    counters.put("rx_packets", counters.get("rx_packets").asLong() + 500_000);
                    counters.put("rx_bytes", counters.get("rx_bytes").asLong() + 100_000_000);
                    counters.put("tx_bytes", counters.get("tx_bytes").asLong() + 1_000_000);
                    counters.put("rx_dropped", counters.get("rx_dropped").asLong() + 5_000);
                }
            }
            api.request().contentType(ContentType.JSON).body(report.toString()).put("/api/v1/nodes/pair-node/state").then().statusCode(200);
            String view = api.request().get("/api/v1/nodes/pair-node").then().statusCode(200).extract().asString();
            java.nio.file.Files.writeString(second, view);
            var fromApi = mapper.readTree(view).get("findings");
            Processes.Result doctor = Processes.offloadctl(api.token, "doctor", "--json", "--from", first.toString(), "--from", second.toString());
            assertEquals(3, doctor.exitCode(), doctor.output());
            var fromDoctor = mapper.readTree(doctor.output().substring(doctor.output().indexOf('{'))).get("findings");
            java.util.List<String> apiRules = new java.util.ArrayList<>();
            fromApi.forEach(f -> apiRules.add(f.get("rule").asText() + "@" + f.get("interfaceName").asText() + " " + f.get("evidence")));
            java.util.List<String> doctorRules = new java.util.ArrayList<>();
            fromDoctor.forEach(f -> doctorRules.add(f.get("rule").asText() + "@" + f.get("interfaceName").asText() + " " + f.get("evidence")));
            assertTrue(apiRules.stream().anyMatch(r -> r.startsWith("small-received-packets@va")), apiRules.toString());
            assertTrue(apiRules.stream().anyMatch(r -> r.startsWith("rising-receive-drops@va")), apiRules.toString());
            assertEquals(apiRules, doctorRules);
        } finally {
            for (var file : java.util.List.of(base, first, second)) {
                java.nio.file.Files.deleteIfExists(file);
            }
        }
    }

    private static String offloadctl(String... args) throws Exception {
        Processes.Result result = Processes.offloadctl(api.token, args);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("offloadctl exited " + result.exitCode() + ": " + result.output());
        }
        return result.output();
    }
}
