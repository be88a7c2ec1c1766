package io.offloadctl.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Helm chart rendered (as helm template would: ChartRenderer) with its defaults, for PostgreSQL,
 * and with the Harvester Addon's values; every object validated against the Kubernetes schemas
 * kubernetes-models 5.1.0 carries (types, formats, required fields, and no field the schemas do not
 * declare); the committed plain manifests are exactly the chart's defaults; the Addon validated
 * against Harvester's Addon type (kept as a schema). And what the objects say: the agent on every
 * node in the node's network namespace with NET_ADMIN alone, its enroller token from a Secret, its
 * cache on the node's disk, its liveness from the agent; the API as its own user behind a Service.
 */
class ManifestsTest {

    static final Path CHART = Path.of("helm/offloadctl");
    static final Path PLAIN = Path.of("kubernetes/offloadctl.yaml");
    static final Path ADDON = Path.of("harvester/offloadctl-addon.yaml");
    static final Path CHECK = Path.of("target/manifests-check");
    static final ObjectMapper JSON = new ObjectMapper();
    static final String appVersion = appVersion();

    @SuppressWarnings("unchecked")
    static String appVersion() {
        try {
            return (String) ((Map<String, Object>) new Yaml().load(Files.readString(CHART.resolve("Chart.yaml")))).get("appVersion");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @BeforeAll
    static void install() throws Exception {
        Files.createDirectories(CHECK);
        for (String file : List.of("package.json", "package-lock.json", "validate.mjs")) {
            Files.copy(Path.of("src/test/kubernetes", file), CHECK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        // exactly the packages the lock file names, by their integrity hashes: the schemas are the same everywhere
        run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 5);
    }

    static String render(Map<String, Object> overrides) throws Exception {
        return new ChartRenderer(ChartRenderer.values(CHART, overrides), "offloadctl", "offloadctl", appVersion).renderChart(CHART);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> objects(String rendered) {
        List<Map<String, Object>> objects = new ArrayList<>();
        new Yaml().loadAll(rendered).forEach(o -> {
            if (o != null) {
                objects.add((Map<String, Object>) o);
            }
        });
        return objects;
    }

    /** Each object with the validator's errors for it; fails when there is any. */
    static void assertValid(String rendered) throws Exception {
        Path file = CHECK.resolve("objects.json");
        List<Map<String, Object>> objects = objects(rendered);
        Files.writeString(file, JSON.writeValueAsString(objects));
        String out = run(List.of("node", "validate.mjs", "objects.json"), 2);
        List<String> lines = out.lines().filter(l -> l.startsWith("{")).toList();
        assertEquals(objects.size(), lines.size(), out);
        for (String line : lines) {
            JsonNode result = JSON.readTree(line);
            assertEquals(0, result.get("errors").size(), result + "\n" + rendered);
        }
    }

    @Test
    void theDefaultsRenderValidObjectsAndArePlainManifests() throws Exception {
        String rendered = render(Map.of());
        assertValid(rendered);
        if (Boolean.getBoolean("offloadctl.update-manifests")) {
            Files.writeString(PLAIN, header() + rendered);
        }
        assertEquals(header() + rendered, Files.readString(PLAIN),
                "kubernetes/offloadctl.yaml is the chart's defaults: regenerate it with -Doffloadctl.update-manifests=true");

        List<Map<String, Object>> objects = objects(rendered);
        assertEquals(List.of("DaemonSet", "Service", "Deployment"), objects.stream().map(o -> o.get("kind")).toList());
        Map<String, Object> daemonSet = kind(objects, "DaemonSet");
        Map<String, Object> pod = at(daemonSet, "spec", "template", "spec");
        assertEquals(true, pod.get("hostNetwork"));
        assertEquals(List.of(Map.of("operator", "Exists")), pod.get("tolerations"), "on every node, whatever its taints");
        Map<String, Object> agent = first(pod.get("containers"));
        assertEquals("offloadctl-agent:" + appVersion, agent.get("image"));
        assertEquals(Map.of("drop", List.of("ALL"), "add", List.of("NET_ADMIN")), at(agent, "securityContext", "capabilities"));
        assertEquals(false, at(agent, "securityContext").get("privileged"));
        List<String> args = strings(agent.get("args"));
        assertEquals(List.of("agent", "--server", "http://offloadctl-api.offloadctl.svc:8080", "--node", "$(NODE_NAME)", "--enroll",
                "--interval", "30s", "--cache", "/var/lib/offloadctl/desired.json", "--audit", "--label", "platform=kubernetes"), args);
        String env = agent.get("env").toString();
        assertTrue(env.contains("fieldPath=spec.nodeName") && env.contains("name=offloadctl-enroller"), env);
        // the liveness probe runs the agent image's own java and jar: the paths ImageBuilder puts them at
        List<String> probe = strings(at(agent, "livenessProbe", "exec").get("command"));
        assertEquals(ImageBuilder.JAVA_HOME + "/bin/java", probe.get(0));
        assertEquals(List.of("-jar", ImageBuilder.AGENT_JAR, "alive", "--cache", "/var/lib/offloadctl/desired.json", "--max-age", "3m"),
                probe.subList(probe.indexOf("-jar"), probe.size()));
        assertEquals(Map.of("path", "/var/lib/offloadctl", "type", "DirectoryOrCreate"), at(first(pod.get("volumes")), "hostPath"));

        Map<String, Object> api = at(kind(objects, "Deployment"), "spec", "template", "spec");
        assertEquals(Map.of("runAsNonRoot", true, "runAsUser", 10001, "runAsGroup", 10001, "fsGroup", 10001, "seccompProfile",
                Map.of("type", "RuntimeDefault")), api.get("securityContext"));
        Map<String, Object> apiContainer = first(api.get("containers"));
        assertEquals("offloadctl-api-embedded:" + appVersion, apiContainer.get("image"), "no database URL: the embedded image");
        assertTrue(api.get("volumes").toString().contains("name=data, emptyDir={}"), api.toString());
        assertEquals(Map.of("memory", "384Mi", "cpu", "100m"), at(apiContainer, "resources", "requests"));
        assertEquals(8080, first(at(kind(objects, "Service"), "spec").get("ports")).get("port"));
    }

    @Test
    void postgresqlAndAnEnforcingAgentRenderValidObjects() throws Exception {
        String rendered = render(Map.of("image", Map.of("registry", "registry.example.internal/", "tag", "1.2.3"),
                "api", Map.of("database", Map.of("url", "jdbc:postgresql://db:5432/offloadctl", "embeddedClaim", "unused")),
                "agent", Map.of("audit", false, "server", "https://offloadctl.example.internal", "labels", List.of("rack=r1", "zone=z1"))));
        assertValid(rendered);
        List<Map<String, Object>> objects = objects(rendered);
        Map<String, Object> api = first(at(kind(objects, "Deployment"), "spec", "template", "spec").get("containers"));
        assertEquals("registry.example.internal/offloadctl-api:1.2.3", api.get("image"));
        String env = api.get("env").toString();
        assertTrue(env.contains("name=OFFLOADCTL_JDBC_URL, value=jdbc:postgresql://db:5432/offloadctl")
                && env.contains("name=offloadctl-database, key=password"), env);
        assertFalse(at(kind(objects, "Deployment"), "spec", "template", "spec").get("volumes").toString().contains("data"), "no embedded volume");
        List<String> args = strings(first(at(kind(objects, "DaemonSet"), "spec", "template", "spec").get("containers")).get("args"));
        assertFalse(args.contains("--audit"), args.toString());
        assertEquals("https://offloadctl.example.internal", args.get(2));
        assertEquals(List.of("--label", "rack=r1", "--label", "zone=z1"), args.subList(args.size() - 4, args.size()));
        // a value the chart does not have is refused, as a typo would otherwise be ignored
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class, () -> render(Map.of("agent", Map.of("audti", true))));
        assertTrue(typo.getMessage().contains("agent.audti"), typo.getMessage());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theHarvesterAddonIsAValidAddonWhoseValuesTheChartTakes() throws Exception {
        Process check = new ProcessBuilder("/usr/bin/python3", "../model/src/test/python/schema_check.py",
                "src/test/resources/harvester/addon-v1beta1.schema.json", ADDON.toString()).redirectErrorStream(true).start();
        String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(check.waitFor(1, TimeUnit.MINUTES));
        assertEquals(0, check.exitValue(), out);
        List<Map<String, Object>> checked = (List<Map<String, Object>>) new Yaml().load(out);
        assertEquals(1, checked.size(), out);
        assertEquals(List.of(), checked.get(0).get("errors"), out);
        Map<String, Object> spec = at((Map<String, Object>) checked.get(0).get("document"), "spec");
        Map<String, Object> chart = (Map<String, Object>) new Yaml().load(Files.readString(CHART.resolve("Chart.yaml")));
        assertEquals(chart.get("name"), spec.get("chart"));
        assertEquals(chart.get("version"), spec.get("version"));
        String rendered = render((Map<String, Object>) new Yaml().load((String) spec.get("valuesContent")));
        assertValid(rendered);
        assertTrue(rendered.contains("- \"platform=harvester\""), rendered);
    }

    /** The validator refuses what Kubernetes would: a mistyped field, a wrong type, a missing required one. */
    @Test
    void theValidatorRefusesWhatKubernetesWould() throws Exception {
        String rendered = render(Map.of());
        for (String[] mistake : List.of(new String[] {"hostNetwork: true", "hostNetwrk: true", "/spec/template/spec/hostNetwrk: no such field"},
                new String[] {"maxUnavailable: 1", "maxUnavailabel: 1", "maxUnavailabel: no such field"},
                new String[] {"initialDelaySeconds: 60", "initialDelaySeconds: soon", "initialDelaySeconds"},
                new String[] {"  selector:\n    matchLabels:\n      app.kubernetes.io/name: offloadctl-agent", "  selectr:\n    matchLabels:\n      app.kubernetes.io/name: offloadctl-agent", "selector"})) {
            String broken = rendered.replace(mistake[0], mistake[1]);
            assertFalse(broken.equals(rendered), mistake[0]);
            Path file = CHECK.resolve("broken.json");
            Files.writeString(file, JSON.writeValueAsString(objects(broken)));
            String out = run(List.of("node", "validate.mjs", "broken.json"), 2);
            assertTrue(out.contains(mistake[2]), mistake[1] + ": " + out);
        }
    }

    static String header() {
        return "# offloadctl on Kubernetes: the Helm chart (deploy/helm/offloadctl) rendered with its defaults, release\n"
                + "# \"offloadctl\" in namespace \"offloadctl\" (ManifestsTest keeps them equal). Create the namespace and the\n"
                + "# Secrets values.yaml names first.\n";
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> at(Map<String, Object> object, String... path) {
        Map<String, Object> value = object;
        for (String key : path) {
            value = (Map<String, Object>) value.get(key);
        }
        return value;
    }

    static Map<String, Object> kind(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> first(Object list) {
        return ((List<Map<String, Object>>) list).get(0);
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(Object list) {
        return ((List<Object>) list).stream().map(String::valueOf).toList();
    }

    static String run(List<String> command, int minutes) throws Exception {
        Process process = new ProcessBuilder(command).directory(CHECK.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(minutes, TimeUnit.MINUTES), String.join(" ", command));
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + out);
        return out;
    }
}
