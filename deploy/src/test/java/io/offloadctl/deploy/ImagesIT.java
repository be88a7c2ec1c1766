package io.offloadctl.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The images as a container runtime would take them, without one (this machine's crun refuses to
 * start containers): each tarball is read by skopeo and unpacked by umoci into a runtime bundle, and
 * its entrypoint runs from the unpacked root filesystem in its own mount namespace (util-linux
 * unshare: new root, the image's working directory, user and environment), inside a network
 * namespace of this test's. The embedded API image serves; the agent image, started with an enroller
 * token as its DaemonSet starts it, reports that namespace's interfaces to it over the namespace's
 * loopback and applies a policy (ethtool judges); its liveness command answers. Then the images are
 * built again from the same inputs and must have the same digests.
 */
class ImagesIT {

    static final Path IMAGES = Path.of(System.getProperty("offloadctl.images", "target/images"));
    static final String VERSION = System.getProperty("offloadctl.version", "0.1.0-SNAPSHOT");
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADMIN = "images-admin-" + UUID.randomUUID();
    static final String NS = "oimg-" + UUID.randomUUID().toString().substring(0, 8);

    static Path work;
    static final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void namespace() throws Exception {
        work = Files.createTempDirectory("offloadctl-images");
        run("ip", "netns", "add", NS);
        ns("ip", "link", "set", "lo", "up");
        ns("ip", "link", "add", "br0", "type", "bridge");
        ns("ip", "link", "add", "p0", "type", "veth", "peer", "name", "p1");
        ns("ip", "link", "set", "p0", "master", "br0");
        for (String link : List.of("br0", "p0", "p1")) {
            ns("ip", "link", "set", link, "up");
        }
    }

    @AfterAll
    static void cleanUp() throws Exception {
        for (Process process : started) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        new ProcessBuilder("ip", "netns", "del", NS).inheritIO().start().waitFor();
        new ProcessBuilder("rm", "-rf", work.toString()).inheritIO().start().waitFor();
    }

    /** An unpacked image: its root filesystem and the process its runtime configuration describes. */
    record Bundle(Path rootfs, List<String> args, Map<String, String> env, String cwd, long uid, long gid) {
    }

    static Bundle unpack(String image) throws Exception {
        Path tarball = IMAGES.resolve(image + ".tar");
        Path layout = work.resolve("layout");
        run("skopeo", "copy", "-q", "oci-archive:" + tarball, "oci:" + layout + ":" + image);
        Path bundle = work.resolve(image);
        run("umoci", "unpack", "--image", layout + ":" + image, bundle.toString());
        JsonNode process = JSON.readTree(bundle.resolve("config.json").toFile()).get("process");
        List<String> args = new ArrayList<>();
        process.get("args").forEach(a -> args.add(a.asText()));
        Map<String, String> env = new LinkedHashMap<>();
        process.get("env").forEach(e -> env.put(e.asText().substring(0, e.asText().indexOf('=')), e.asText().substring(e.asText().indexOf('=') + 1)));
        Path rootfs = bundle.resolve("rootfs");
        Files.createDirectories(rootfs.resolve("proc")); // a runtime's mount point
        return new Bundle(rootfs, args, env, process.get("cwd").asText(), process.get("user").get("uid").asLong(),
                process.get("user").get("gid").asLong());
    }

    /** The image's process (its arguments replaced by {@code args} when given) in the test's network namespace. */
    static Process start(Bundle bundle, List<String> args, Map<String, String> extraEnv, Path log) throws Exception {
        return start(bundle, args, extraEnv, log, true);
    }

    /** The same in this machine's network namespace ({@code inTestNamespace} false): for a database on its loopback. */
    static Process start(Bundle bundle, List<String> args, Map<String, String> extraEnv, Path log, boolean inTestNamespace)
            throws Exception {
        List<String> command = new ArrayList<>(inTestNamespace ? List.of("ip", "netns", "exec", NS) : List.of());
        command.addAll(List.of("unshare", "--mount", "--fork", "--kill-child",
                "--root=" + bundle.rootfs(), "--wd=" + bundle.cwd(), "--setuid", Long.toString(bundle.uid()), "--setgid",
                Long.toString(bundle.gid()), "--mount-proc"));
        command.addAll(args == null ? bundle.args() : entrypointWith(bundle, args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(bundle.env());
        builder.environment().putAll(extraEnv);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /** The entrypoint (everything up to the jar) with other program arguments, as a pod's args replace the image's. */
    static List<String> entrypointWith(Bundle bundle, List<String> args) {
        int jar = bundle.args().indexOf("-jar");
        List<String> command = new ArrayList<>(bundle.args().subList(0, jar + 2));
        command.addAll(args);
        return command;
    }

    @Test
    void theAgentImageReportsANamespaceToTheApiImageAndAppliesAPolicy() throws Exception {
        Bundle api = unpack("offloadctl-api-embedded");
        assertEquals(10001, api.uid(), "the API runs as its own user");
        assertEquals("/data", api.env().get("OFFLOADCTL_DATA_DIR"));
        Bundle agent = unpack("offloadctl-agent");
        assertEquals(0, agent.uid(), "the agent changes NIC settings: root with CAP_NET_ADMIN in its DaemonSet");
        assertEquals(List.of("--help"), agent.args().subList(agent.args().size() - 1, agent.args().size()));
        JsonNode labels = JSON.readTree(output("skopeo", "inspect", "oci-archive:" + IMAGES.resolve("offloadctl-api.tar"))).get("Labels");
        assertEquals(VERSION, labels.get("org.opencontainers.image.version").asText());
        assertTrue(labels.has("org.opencontainers.image.description"), labels.toString());

        Process apiProcess = start(api, null, Map.of("OFFLOADCTL_ADMIN_TOKEN", ADMIN), work.resolve("api.log"));
        String base = "http://127.0.0.1:8080";
        await("the API image serves", Duration.ofSeconds(90), apiProcess, work.resolve("api.log"),
                () -> call("GET", base + "/api/v1/policies", ADMIN, null).statusCode() == 200);
        String enroller = JSON.readTree(call("POST", base + "/api/v1/tokens", ADMIN,
                "{\"name\": \"images daemonset\", \"role\": \"enroller\"}").body()).get("token").asText();

        // What the DaemonSet runs: the node's name, the shared enroller token, the cache on the host's disk.
        Path cache = Files.createDirectories(agent.rootfs().resolve("var/lib/offloadctl"));
        Process agentProcess = start(agent, List.of("agent", "--server", base, "--node", "images-node", "--enroll", "--interval", "2s",
                "--cache", "/var/lib/offloadctl/desired.json"), Map.of("OFFLOADCTL_TOKEN", enroller), work.resolve("agent.log"));
        await("the agent image's first report", Duration.ofSeconds(90), agentProcess, work.resolve("agent.log"),
                () -> call("GET", base + "/api/v1/nodes/images-node", ADMIN, null).statusCode() == 200);
        JsonNode node = JSON.readTree(call("GET", base + "/api/v1/nodes/images-node", ADMIN, null).body());
        List<String> names = new ArrayList<>();
        node.get("report").get("interfaces").forEach(i -> names.add(i.get("name").asText()));
        assertTrue(names.containsAll(List.of("br0", "lo", "p0", "p1")), names.toString());
        assertTrue(Files.exists(cache.resolve("desired-token")), "the agent keeps its own token beside the cache");

        String p1Before = output("ip", "netns", "exec", NS, "ethtool", "-k", "p1");
        String policy = "{\"name\": \"images-ports\", \"mode\": \"enforce\", \"selector\": {\"interfaces\": [\"p0\"]},"
                + " \"features\": {\"gro\": false}}";
        assertEquals(201, call("POST", base + "/api/v1/policies", ADMIN, policy).statusCode());
        await("the agent image applies the policy", Duration.ofSeconds(60), agentProcess, work.resolve("agent.log"),
                () -> output("ip", "netns", "exec", NS, "ethtool", "-k", "p0").contains("generic-receive-offload: off"));
        assertEquals(p1Before, output("ip", "netns", "exec", NS, "ethtool", "-k", "p1"), "p1 is not selected");

        // the liveness probe of the DaemonSet, run in the agent's image as a kubelet would exec it
        Process alive = start(agent, List.of("alive", "--cache", "/var/lib/offloadctl/desired.json", "--max-age", "1m"), Map.of(),
                work.resolve("alive.log"));
        assertTrue(alive.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, alive.exitValue(), Files.readString(work.resolve("alive.log")));
    }

    /**
     * The PostgreSQL API image against the tests' PostgreSQL cluster (OFFLOADCTL_TEST_PG_URL, which
     * run-tests starts on this machine's loopback): by URL, as its Deployment configures it.
     */
    @Test
    void thePostgresqlApiImageServesFromADatabaseByUrl() throws Exception {
        String url = System.getProperty("offloadctl.test.pg-url", "");
        org.junit.jupiter.api.Assumptions.assumeTrue(url.startsWith("jdbc:postgresql:"), "no OFFLOADCTL_TEST_PG_URL: run-tests sets it");
        Bundle api = unpack("offloadctl-api");
        assertEquals(10001, api.uid());
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path log = work.resolve("api-postgresql.log");
        Process process = start(api, null, Map.of("OFFLOADCTL_ADMIN_TOKEN", ADMIN, "OFFLOADCTL_JDBC_URL", url, "OFFLOADCTL_DB_USER",
                "offloadctl", "OFFLOADCTL_DB_PASSWORD", "offloadctl", "OFFLOADCTL_PORT", Integer.toString(port),
                "QUARKUS_HTTP_HOST", "127.0.0.1"), log, false);
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest policies = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                + "/api/v1/policies")).header("Authorization", "Bearer " + ADMIN).build();
        await("the PostgreSQL API image serves", Duration.ofSeconds(90), process, log, () -> {
            try {
                return client.send(policies, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (java.io.IOException notYet) {
                return false;
            }
        });
        assertTrue(Files.readString(log).contains("Database: jdbc:postgresql://"), Files.readString(log));
    }

    @Test
    void theSameInputsBuildTheSameImages() throws Exception {
        // kept beside the first build for a look when they differ
        Path again = Path.of("target", "images-again").toAbsolutePath();
        Path deploy = Path.of("").toAbsolutePath();
        Process build = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ImageBuilder.class.getName(), Path.of("target", "image-work-again").toAbsolutePath().toString(),
                again.toString(), VERSION, deploy.resolve("../node-binary/target/offloadctl-" + VERSION + "-runner.jar").toString(),
                deploy.resolve("../api/target/quarkus-app-postgresql").toString(), deploy.resolve("../api/target/quarkus-app").toString(),
                System.getProperty("offloadctl.revision", ""))
                .redirectErrorStream(true).redirectOutput(work.resolve("again.log").toFile()).start();
        assertTrue(build.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, build.exitValue(), Files.readString(work.resolve("again.log")));
        for (String image : List.of("offloadctl-agent", "offloadctl-api", "offloadctl-api-embedded")) {
            assertEquals(Files.readString(IMAGES.resolve(image + ".digest")), Files.readString(again.resolve(image + ".digest")), image);
        }
    }

    static Answer call(String method, String url, String token, String body) throws Exception {
        // the namespace's loopback is reached from inside it: curl there, as a neighbour container would
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", NS, "curl", "-s", "-o", "-", "-w", "\n%{http_code}", "-X",
                method, "-H", "Authorization: Bearer " + token, "--max-time", "10"));
        if (body != null) {
            command.addAll(List.of("-H", "Content-Type: application/json", "--data-binary", body));
        }
        command.add(url);
        String out = output(command.toArray(String[]::new));
        int split = out.lastIndexOf('\n');
        int status = Integer.parseInt(out.substring(split + 1).strip());
        return new Answer(status, out.substring(0, Math.max(0, split)));
    }

    static void await(String what, Duration limit, Process process, Path log, Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new AssertionError(what + ": the process ended (" + process.exitValue() + "):\n" + Files.readString(log));
            }
            if (condition.call()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(what + ": not within " + limit + ":\n" + Files.readString(log));
    }

    static void ns(String... command) throws Exception {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", NS));
        full.addAll(List.of(command));
        run(full.toArray(String[]::new));
    }

    static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), String.join(" ", command));
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + out);
    }

    static String output(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(2, TimeUnit.MINUTES);
        return out;
    }

    /** An HTTP answer: its status and body. */
    record Answer(int statusCode, String body) {
    }
}
