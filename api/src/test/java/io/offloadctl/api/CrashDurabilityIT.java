package io.offloadctl.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.path.json.JsonPath;

/**
 * An acknowledged write survives the process being killed (SIGKILL) in the middle of a stream of
 * writes, on the embedded database and on PostgreSQL: several rounds of writers creating policies
 * and reporting nodes, a kill at a random moment, a restart on the same data, and every write that
 * was answered 201 or 200 is there.
 */
class CrashDurabilityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "crash-durability-admin";

    @Test
    void acknowledgedWritesSurviveSigkillOnTheEmbeddedDatabase() throws Exception {
        Path data = Path.of("target", "crash-h2-" + ProcessHandle.current().pid()).toAbsolutePath();
        rounds(Map.of("OFFLOADCTL_DATA_DIR", data.toString()), 3);
    }

    @Test
    void andOnAnH2DatabaseTheOperatorNamesWithoutWriteDelay() throws Exception {
        // The launcher adds WRITE_DELAY=0 to an operator's jdbc:h2 URL that does not set it.
        Path data = Path.of("target", "crash-h2-url-" + ProcessHandle.current().pid()).toAbsolutePath();
        rounds(Map.of("OFFLOADCTL_JDBC_URL", "jdbc:h2:file:" + data + "/offloadctl;DB_CLOSE_ON_EXIT=FALSE"), 2);
    }

    @Test
    void acknowledgedWritesSurviveSigkillOnPostgresql() throws Exception {
        String pg = ApiProcess.property("offloadctl.test.pg-url");
        Assumptions.assumeTrue(pg != null, "no PostgreSQL for the tests (run-tests starts one)");
        rounds(Map.of("OFFLOADCTL_JDBC_URL", pg), 2);
    }

    private static void rounds(Map<String, String> environment, int rounds) throws Exception {
        String run = "crash-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100000;
        Set<String> acknowledgedPolicies = ConcurrentHashMap.newKeySet();
        Map<String, String> acknowledgedReports = new ConcurrentHashMap<>();
        for (int round = 0; round < rounds; round++) {
            ApiProcess api = ApiProcess.start(run + "-" + round, TOKEN, environment);
            try {
                check(api, acknowledgedPolicies, acknowledgedReports);
                int before = acknowledgedPolicies.size() + acknowledgedReports.size();
                write(api, run + "-r" + round, acknowledgedPolicies, acknowledgedReports, 1500 + (long) (Math.random() * 1500));
                assertTrue(acknowledgedPolicies.size() + acknowledgedReports.size() > before + 10, "writes were acknowledged");
            } finally {
                api.kill();
            }
        }
        try (ApiProcess last = ApiProcess.start(run + "-last", TOKEN, environment)) {
            check(last, acknowledgedPolicies, acknowledgedReports);
        }
    }

    /** Writers until the deadline; then the process is killed while they are still writing. */
    private static void write(ApiProcess api, String prefix, Set<String> policies, Map<String, String> reports, long millis)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        int before = acknowledged(policies, reports);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(6);
        for (int w = 0; w < 6; w++) {
            int writer = w;
            writers.submit(() -> {
                while (!stop.get()) {
                    int n = sequence.incrementAndGet();
                    try {
                        if (writer % 2 == 0) {
                            String name = prefix + "-p" + n;
                            if (send(client, api, "POST", "/api/v1/policies", Fleet.policy(name, n % 1000, "audit",
                                    Map.of("matchLabels", Map.of("never", "selected")), Map.of("gro", false))) == 201) {
                                policies.add(name);
                            }
                        } else {
                            // One writer per node: its acknowledged reports are also its committed order.
                            String node = prefix + "-w" + writer + "-" + (n % 5);
                            String kernel = "6.18." + n;
                            Map<String, Object> report = new java.util.HashMap<>(Fleet.hypervisor(Map.of(), true));
                            report.put("kernel", kernel);
                            int status = send(client, api, "PUT", "/api/v1/nodes/" + node + "/state", report);
                            if (status == 200 || status == 201) {
                                synchronized (reports) {
                                    reports.merge(node, kernel, (old, now) -> Integer.parseInt(now.substring(5))
                                            > Integer.parseInt(old.substring(5)) ? now : old);
                                }
                            }
                        }
                    } catch (Exception killed) {
                        // the connection broke: not acknowledged
                    }
                }
            });
        }
        Thread.sleep(millis);
        // a cold API on a busy machine may acknowledge little in the first seconds: write on (bounded) until
        // a few writes were acknowledged, so every round kills the process amid acknowledged writes
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
             acknowledged(policies, reports) <= before + 10 && System.nanoTime() < end; ) {
            Thread.sleep(50);
        }
        api.kill();
        stop.set(true);
        writers.shutdown();
        assertTrue(writers.awaitTermination(30, TimeUnit.SECONDS));
    }

    private static int acknowledged(Set<String> policies, Map<String, String> reports) {
        synchronized (reports) {
            return policies.size() + reports.size();
        }
    }

    private static int send(HttpClient client, ApiProcess api, String method, String path, Object body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.url() + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Every acknowledged policy exists; every node has at least the newest acknowledged report's kernel ... or a newer one. */
    private static void check(ApiProcess api, Set<String> policies, Map<String, String> reports) {
        List<String> stored = new ArrayList<>(JsonPath.from(api.request().get("/api/v1/policies").then().statusCode(200)
                .extract().asString()).getList("policy.name"));
        List<String> missing = policies.stream().filter(p -> !stored.contains(p)).sorted().toList();
        assertEquals(List.of(), missing, missing.size() + " of " + policies.size() + " acknowledged policies lost");
        reports.forEach((node, kernel) -> {
            String now = api.request().get("/api/v1/nodes/" + node).then().statusCode(200).extract().path("summary.kernel");
            assertTrue(Integer.parseInt(now.substring(5)) >= Integer.parseInt(kernel.substring(5)),
                    node + ": acknowledged report with kernel " + kernel + " lost (stored: " + now + ")");
        });
    }
}
