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

    /**
     * How a pod runs a container, as the chart's securityContext and volumes say: its user, the
     * capabilities it adds to none, whether the root filesystem is read-only, and its volumes by
     * mount path (an emptyDir as a tmpfs; any other, the node's disk, as this test's directory).
     */
    record Sandbox(long uid, long gid, List<String> capabilities, boolean readOnlyRoot, Map<String, Path> volumes) {
    }

    /** The sandbox the chart's default objects give {@code kind}'s first container. */
    @SuppressWarnings("unchecked")
    static Sandbox fromChart(String kind) throws Exception {
        Map<String, Object> object = ManifestsTest.kind(ManifestsTest.objects(ManifestsTest.render(Map.of())), kind);
        Map<String, Object> pod = ManifestsTest.at(object, "spec", "template", "spec");
        Map<String, Object> container = ManifestsTest.first(pod.get("containers"));
        Map<String, Object> podSecurity = pod.get("securityContext") == null ? Map.of() : (Map<String, Object>) pod.get("securityContext");
        Map<String, Object> security = (Map<String, Object>) container.get("securityContext");
        Map<String, Object> capabilities = (Map<String, Object>) security.get("capabilities");
        assertEquals(List.of("ALL"), capabilities.get("drop"));
        List<String> added = capabilities.get("add") == null ? List.of() : (List<String>) capabilities.get("add");
        Map<String, Map<String, Object>> volumes = new LinkedHashMap<>();
        ((List<Map<String, Object>>) pod.get("volumes")).forEach(v -> volumes.put((String) v.get("name"), v));
        Map<String, Path> mounts = new LinkedHashMap<>();
        for (Map<String, Object> mount : (List<Map<String, Object>>) container.get("volumeMounts")) {
            Map<String, Object> volume = volumes.get((String) mount.get("name"));
            mounts.put((String) mount.get("mountPath"), volume.containsKey("emptyDir") ? null
                    : Files.createDirectories(work.resolve("volumes").resolve(kind + "-" + mount.get("name"))));
        }
        long uid = ((Number) podSecurity.getOrDefault("runAsUser", 0)).longValue();
        long gid = ((Number) podSecurity.getOrDefault("runAsGroup", 0)).longValue();
        for (Path host : mounts.values()) {
            if (host != null) {
                run("chown", uid + ":" + gid, host.toString()); // fsGroup's doing, or the node's directory made for root
            }
        }
        return new Sandbox(uid, gid, added.stream().map(c -> c.toLowerCase(java.util.Locale.ROOT)).toList(),
                Boolean.TRUE.equals(security.get("readOnlyRootFilesystem")), mounts);
    }

    /**
     * The image's process (its arguments replaced by {@code args} when given) as its pod would run
     * it: in its own mount namespace with the bundle's root filesystem as its root (read-only when the
     * sandbox says so), /proc, its volumes, the bundle's working directory and environment, the
     * sandbox's user and no capability but the sandbox's (util-linux setpriv, copied into the
     * unpacked root as a container runtime's stand-in), inside the test's network namespace unless
     * {@code inTestNamespace} is false (for a database on this machine's loopback).
     */
    static Process start(Bundle bundle, Sandbox sandbox, List<String> args, Map<String, String> extraEnv, Path log,
                         boolean inTestNamespace) throws Exception {
        installSetpriv(bundle.rootfs());
        StringBuilder script = new StringBuilder("set -e\nR=$1; W=$2; shift 2\nmount --bind \"$R\" \"$R\"\n"
                + "mount -t proc proc \"$R/proc\"\n");
        sandbox.volumes().forEach((path, host) -> {
            script.append("mkdir -p \"$R").append(path).append("\"\n");
            script.append(host == null ? "mount -t tmpfs tmpfs \"$R" + path + "\"\n"
                    : "mount --bind '" + host + "' \"$R" + path + "\"\n");
        });
        if (sandbox.readOnlyRoot()) {
            script.append("mount -o remount,bind,ro \"$R\"\n");
        }
        String bounding = "-all" + sandbox.capabilities().stream().map(c -> ",+" + c).reduce("", String::concat);
        script.append("exec unshare --root=\"$R\" --wd=\"$W\" /usr/bin/setpriv --reuid=").append(sandbox.uid()).append(" --regid=")
                .append(sandbox.gid()).append(" --clear-groups --no-new-privs --inh-caps=-all --bounding-set=").append(bounding)
                .append(" -- \"$@\"\n");
        List<String> command = new ArrayList<>(inTestNamespace ? List.of("ip", "netns", "exec", NS) : List.of());
        command.addAll(List.of("unshare", "--mount", "--propagation", "private", "--fork", "--kill-child", "sh", "-c", script.toString(),
                "sh", bundle.rootfs().toString(), bundle.cwd()));
        command.addAll(args == null ? bundle.args() : entrypointWith(bundle, args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(bundle.env());
        builder.environment().putAll(extraEnv);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /** The JVM a sandbox runs: its real user id, effective capabilities and no_new_privs, from /proc. */
    static List<String> status(Process sandbox) throws Exception {
        ProcessHandle java = sandbox.toHandle().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/bin/java")).orElse(false)).findFirst().orElseThrow();
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(java.pid()), "status"))) {
            int colon = line.indexOf(':');
            fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
        }
        return List.of(fields.get("Uid").split("\\s+")[0], fields.get("CapEff"), fields.get("NoNewPrivs"));
    }

    /** A tmpfs at /tmp, the only volume. */
    static Map<String, Path> emptyTmp() {
        Map<String, Path> volumes = new LinkedHashMap<>();
        volumes.put("/tmp", null);
        return volumes;
    }

    /** This machine's setpriv and the libraries it loads, into an unpacked root (before it is made read-only). */
    static void installSetpriv(Path rootfs) throws Exception {
        Path setpriv = rootfs.resolve("usr/bin/setpriv");
        if (Files.exists(setpriv)) {
            return;
        }
        Files.createDirectories(setpriv.getParent());
        Files.copy(Path.of("/usr/bin/setpriv"), setpriv, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        for (Map.Entry<String, Path> library : ImageBuilder.Linker.needs(Path.of("/usr/bin/setpriv"), rootfs).entrySet()) {
            Path target = rootfs.resolve(library.getKey().substring(1));
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Files.copy(library.getValue(), target);
            }
        }
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

        Sandbox apiPod = fromChart("Deployment");
        assertEquals(List.of(), apiPod.capabilities(), "the API needs no capability");
        assertEquals(api.uid(), apiPod.uid(), "the Deployment runs the image's own user");
        Process apiProcess = start(api, apiPod, null, Map.of("OFFLOADCTL_ADMIN_TOKEN", ADMIN), work.resolve("api.log"), true);
        String base = "http://127.0.0.1:8080";
        await("the API image serves", Duration.ofSeconds(90), apiProcess, work.resolve("api.log"),
                () -> call("GET", base + "/api/v1/policies", ADMIN, null).statusCode() == 200);
        // the Deployment's probes, by the paths and port its objects give them
        Map<String, Object> apiContainer = ManifestsTest.first(ManifestsTest.at(ManifestsTest.kind(ManifestsTest.objects(
                ManifestsTest.render(Map.of())), "Deployment"), "spec", "template", "spec").get("containers"));
        for (String probe : List.of("livenessProbe", "readinessProbe")) {
            String path = (String) ManifestsTest.at(apiContainer, probe, "httpGet").get("path");
            Answer answer = call("GET", base + path, null, null); // as the kubelet asks: no token
            assertEquals(200, answer.statusCode(), probe + " " + path + ": " + answer.body());
        }
        String enroller = JSON.readTree(call("POST", base + "/api/v1/tokens", ADMIN,
                "{\"name\": \"images daemonset\", \"role\": \"enroller\"}").body()).get("token").asText();

        // As the DaemonSet runs it: its arguments (this API, an enforcing agent, the node's name as the kubelet puts it),
        // the shared enroller token, NET_ADMIN alone, a read-only root, the cache on the node's disk.
        Map<String, Object> daemonSet = ManifestsTest.kind(ManifestsTest.objects(ManifestsTest.render(Map.of("agent", Map.of("audit",
                false, "server", base, "interval", "2s")))), "DaemonSet");
        Map<String, Object> container = ManifestsTest.first(ManifestsTest.at(daemonSet, "spec", "template", "spec").get("containers"));
        List<String> args = ManifestsTest.strings(container.get("args")).stream().map(a -> a.replace("$(NODE_NAME)", "images-node")).toList();
        Sandbox agentPod = fromChart("DaemonSet");
        assertEquals(List.of("net_admin"), agentPod.capabilities());
        assertTrue(agentPod.readOnlyRoot());
        Path cache = agentPod.volumes().get("/var/lib/offloadctl");
        Process agentProcess = start(agent, agentPod, args, Map.of("OFFLOADCTL_TOKEN", enroller), work.resolve("agent.log"), true);
        await("the agent image's first report", Duration.ofSeconds(90), agentProcess, work.resolve("agent.log"),
                () -> call("GET", base + "/api/v1/nodes/images-node", ADMIN, null).statusCode() == 200);
        JsonNode node = JSON.readTree(call("GET", base + "/api/v1/nodes/images-node", ADMIN, null).body());
        List<String> names = new ArrayList<>();
        node.get("report").get("interfaces").forEach(i -> names.add(i.get("name").asText()));
        assertTrue(names.containsAll(List.of("br0", "lo", "p0", "p1")), names.toString());
        assertTrue(Files.exists(cache.resolve("desired-token")), "the agent keeps its own token beside the cache, on the node's disk");
        // what the kernel says of the running JVMs: the agent root with CAP_NET_ADMIN (bit 12) alone, the API its user with none
        assertEquals(List.of("0", "0000000000001000", "1"), status(agentProcess));
        assertEquals(List.of("10001", "0000000000000000", "1"), status(apiProcess));

        String p1Before = output("ip", "netns", "exec", NS, "ethtool", "-k", "p1");
        String policy = "{\"name\": \"images-ports\", \"mode\": \"enforce\", \"selector\": {\"interfaces\": [\"p0\"]},"
                + " \"features\": {\"gro\": false}}";
        assertEquals(201, call("POST", base + "/api/v1/policies", ADMIN, policy).statusCode());
        await("the agent image applies the policy", Duration.ofSeconds(60), agentProcess, work.resolve("agent.log"),
                () -> output("ip", "netns", "exec", NS, "ethtool", "-k", "p0").contains("generic-receive-offload: off"));
        assertEquals(p1Before, output("ip", "netns", "exec", NS, "ethtool", "-k", "p1"), "p1 is not selected");

        // the DaemonSet's liveness probe, its command run in the agent's sandbox as the kubelet execs it there
        List<String> probe = ManifestsTest.strings(ManifestsTest.at(container, "livenessProbe", "exec").get("command"));
        Process alive = start(agent, agentPod, probe.subList(probe.indexOf("-jar") + 2, probe.size()), Map.of(), work.resolve("alive.log"),
                true);
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
        Process process = start(api, new Sandbox(api.uid(), api.gid(), List.of(), true, emptyTmp()), null,
                Map.of("OFFLOADCTL_ADMIN_TOKEN", ADMIN, "OFFLOADCTL_JDBC_URL", url, "OFFLOADCTL_DB_USER",
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

    /** {@code method url} with the token ({@code null}: none) and the JSON body ({@code null}: none). */
    static Answer call(String method, String url, String token, String body) throws Exception {
        // the namespace's loopback is reached from inside it: curl there, as a neighbour container would
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", NS, "curl", "-s", "-o", "-", "-w", "\n%{http_code}", "-X",
                method, "--max-time", "10"));
        if (token != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + token));
        }
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
