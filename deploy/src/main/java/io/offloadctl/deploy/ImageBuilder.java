package io.offloadctl.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FileEntry;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;

/**
 * Builds offloadctl's OCI images as tarballs, without a container daemon or registry: Jib's core
 * library from {@code scratch}, with a Java runtime made here by jlink from the JDK that builds
 * (Temurin 25) and the C libraries it links against, taken from this machine as ldd resolves them.
 * No base image is pulled: nothing but Maven Central is reachable where this builds, and what runs
 * is exactly what the build names. Reproducible: every file dated 1970-01-01T00:00:01Z and owned
 * by root unless named otherwise, entries in sorted order, no build time in the configuration
 * (Jib's defaults), so the same inputs give the same digests.
 *
 * <ul>
 *   <li>{@code offloadctl-agent}: the node binary (JVM form) as root, since changing NIC settings
 *       needs CAP_NET_ADMIN in the host's network namespace; its DaemonSet grants exactly that.</li>
 *   <li>{@code offloadctl-api}: the API built for PostgreSQL (the database by URL), as user 10001.</li>
 *   <li>{@code offloadctl-api-embedded}: the API on its embedded H2 database in {@code /data}, as user
 *       10001, for a single host.</li>
 * </ul>
 * The runtime layer is the same in all three (one layer, cached once).
 */
public final class ImageBuilder {

    /** The modules both applications need (the node binary's, by jdeps, and Quarkus's: logging, management, XA, SASL/GSS for PostgreSQL). */
    static final List<String> MODULES = List.of("java.base", "java.desktop", "java.logging", "java.management", "java.naming",
            "java.net.http", "java.rmi", "java.security.jgss", "java.security.sasl", "java.sql", "java.transaction.xa",
            "java.xml", "jdk.management", "jdk.net", "jdk.unsupported", "jdk.zipfs");

    static final String JAVA_HOME = "/opt/java";
    /** Every image's environment; sorted: Map.of's order changes from one JVM to the next, and the configuration's digest with it. */
    static final Map<String, String> RUNTIME_ENVIRONMENT = java.util.Collections.unmodifiableSortedMap(
            new TreeMap<>(Map.of("JAVA_HOME", JAVA_HOME, "PATH", JAVA_HOME + "/bin:/usr/bin:/bin")));
    /** Where the agent image has the node binary's runner jar (its DaemonSet's liveness probe runs it too). */
    static final String AGENT_JAR = "/opt/offloadctl/offloadctl.jar";
    /** The runtime's libraries for a display (and AWT's native interface to it), a splash screen and sound: never loaded by a headless server (they would bring X11 and ALSA). */
    static final java.util.Set<String> HEADLESS_UNUSED = java.util.Set.of("libawt_xawt.so", "libjawt.so", "libsplashscreen.so", "libjsound.so");
    static final String API_USER = "10001:10001";
    static final Instant FILE_TIME = Instant.ofEpochSecond(1);
    static final FilePermissions EXECUTABLE = FilePermissions.fromOctalString("755");
    static final FilePermissions FILE = FilePermissions.fromOctalString("644");
    static final FilePermissions DIRECTORY = FilePermissions.fromOctalString("755");
    static final FilePermissions WRITABLE = FilePermissions.fromOctalString("777");

    /** The JVM options of every image: as the node binary's launcher has them, its reflection loader for jnr-ffi. */
    static final List<String> JVM = List.of(JAVA_HOME + "/bin/java", "-XX:+UseSerialGC", "-XX:-UsePerfData",
            "-Djava.io.tmpdir=/tmp");

    private final Path work;
    private final Path output;
    private final String version;
    private final Map<String, String> labels;

    ImageBuilder(Path work, Path output, String version, String revision) {
        this.work = work;
        this.output = output;
        this.version = version;
        this.labels = new TreeMap<>();
        labels.put("org.opencontainers.image.version", version);
        labels.put("org.opencontainers.image.vendor", "offloadctl");
        if (revision != null && !revision.isBlank()) {
            labels.put("org.opencontainers.image.revision", revision);
        }
    }

    /**
     * Arguments: the work directory, the output directory, the version, the node binary's runner jar,
     * the API's PostgreSQL and H2 application directories (quarkus-app layouts), and optionally the
     * source revision (a label).
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            throw new IllegalArgumentException("usage: ImageBuilder WORK OUTPUT VERSION AGENT_JAR API_POSTGRESQL_APP API_H2_APP [REVISION]");
        }
        ImageBuilder builder = new ImageBuilder(Path.of(args[0]), Path.of(args[1]), args[2], args.length > 6 ? args[6] : null);
        Files.createDirectories(builder.output);
        FileEntriesLayer runtime = builder.runtimeLayer();
        for (Built built : List.of(builder.agent(runtime, Path.of(args[3])),
                builder.api("offloadctl-api", runtime, Path.of(args[4]), Map.of(),
                        "offloadctl API (PostgreSQL: set OFFLOADCTL_JDBC_URL, OFFLOADCTL_DB_USER, OFFLOADCTL_DB_PASSWORD)"),
                builder.api("offloadctl-api-embedded", runtime, Path.of(args[5]), Map.of("OFFLOADCTL_DATA_DIR", "/data"),
                        "offloadctl API on its embedded database in /data (one host)"))) {
            System.out.println("offloadctl image " + built.name() + ": " + built.tarball() + " " + built.digest());
        }
    }

    record Built(String name, Path tarball, String digest) {
    }

    private Built agent(FileEntriesLayer runtime, Path runnerJar) throws Exception {
        FileEntriesLayer app = FileEntriesLayer.builder().setName("offloadctl")
                .addEntry(new FileEntry(runnerJar, AbsoluteUnixPath.get(AGENT_JAR), FILE, FILE_TIME, "0:0"))
                .build();
        List<String> entrypoint = new ArrayList<>(JVM);
        entrypoint.addAll(List.of("-XX:TieredStopAtLevel=1", "-Xss1m", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-Djnr.ffi.asm.enabled=false", "-Xlog:disable", "-Xlog:all=warning:stderr", "-jar", AGENT_JAR));
        JibContainerBuilder image = base(runtime, "offloadctl agent and CLI: reads and sets NIC offloads through ioctl(SIOCETHTOOL)")
                .addFileEntriesLayer(app)
                .setEntrypoint(entrypoint)
                .setProgramArguments(List.of("--help"))
                .setUser("0:0");
        return build("offloadctl-agent", image);
    }

    private Built api(String name, FileEntriesLayer runtime, Path quarkusApp, Map<String, String> environment, String description)
            throws Exception {
        FileEntriesLayer.Builder libraries = FileEntriesLayer.builder().setName("libraries");
        FileEntriesLayer.Builder application = FileEntriesLayer.builder().setName("application");
        for (Path file : sortedTree(quarkusApp)) {
            Path relative = quarkusApp.relativize(file);
            if (relative.toString().isEmpty()) {
                continue;
            }
            AbsoluteUnixPath target = AbsoluteUnixPath.get("/deployments").resolve(relative.toString());
            boolean lib = relative.startsWith("lib");
            (lib ? libraries : application).addEntry(new FileEntry(file, target, Files.isDirectory(file) ? DIRECTORY : FILE, FILE_TIME,
                    "0:0"));
        }
        if (environment.containsKey("OFFLOADCTL_DATA_DIR")) {
            Path data = Files.createDirectories(work.resolve("empty-data"));
            application.addEntry(new FileEntry(data, AbsoluteUnixPath.get("/data"), DIRECTORY, FILE_TIME, API_USER));
        }
        List<String> entrypoint = new ArrayList<>(JVM);
        entrypoint.addAll(List.of("-jar", "/deployments/quarkus-run.jar"));
        Map<String, String> env = new TreeMap<>(environment);
        env.putAll(RUNTIME_ENVIRONMENT);
        env.put("OFFLOADCTL_PORT", "8080");
        JibContainerBuilder image = base(runtime, description)
                .addFileEntriesLayer(libraries.build())
                .addFileEntriesLayer(application.build())
                .setEntrypoint(entrypoint)
                .setEnvironment(env)
                .setWorkingDirectory(AbsoluteUnixPath.get("/deployments"))
                .addExposedPort(Port.tcp(8080))
                .setUser(API_USER);
        return build(name, image);
    }

    private JibContainerBuilder base(FileEntriesLayer runtime, String description) {
        Map<String, String> imageLabels = new LinkedHashMap<>(labels);
        imageLabels.put("org.opencontainers.image.description", description);
        return Jib.fromScratch()
                .setFormat(ImageFormat.OCI)
                .setLabels(imageLabels)
                .setEnvironment(RUNTIME_ENVIRONMENT)
                .addFileEntriesLayer(runtime);
    }

    private Built build(String name, JibContainerBuilder image) throws Exception {
        Path tarball = output.resolve(name + ".tar");
        Path cache = work.resolve("jib-cache");
        JibContainer container = image.containerize(Containerizer.to(TarImage.at(tarball).named(name + ":" + version))
                .setApplicationLayersCache(cache)
                .setBaseImageLayersCache(cache)
                .setToolName("offloadctl-deploy"));
        Files.writeString(output.resolve(name + ".digest"), container.getDigest().toString() + "\n");
        return new Built(name, tarball, container.getDigest().toString());
    }

    /**
     * The Java runtime (jlink, stripped) at /opt/java, the C libraries its executables and shared
     * objects load (as ldd resolves them here, each at the path it is asked for), a passwd and
     * group naming root and the API's user, a hosts file for localhost, and a world-writable /tmp.
     */
    FileEntriesLayer runtimeLayer() throws IOException, InterruptedException {
        Path runtime = work.resolve("runtime").toAbsolutePath();
        deleteTree(runtime);
        ToolProvider jlink = ToolProvider.findFirst("jlink").orElseThrow(() -> new IllegalStateException(
                "no jlink in " + System.getProperty("java.home") + ": the images need a JDK (not a JRE) to build with"));
        int rc = jlink.run(System.out, System.err, "--add-modules", String.join(",", MODULES), "--strip-debug", "--no-man-pages",
                "--no-header-files", "--compress", "zip-6",
                // the lambda-form classes jlink would generate depend on the JVM that runs it (its flags, what it ran
                // before): not reproducible; the runtime generates them itself when it needs them
                "--disable-plugin", "generate-jli-classes", "--output", runtime.toString());
        if (rc != 0) {
            throw new IllegalStateException("jlink failed (" + rc + ")");
        }
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("runtime");
        Map<String, Path> libraries = new TreeMap<>();
        for (Path file : sortedTree(runtime)) {
            Path relative = runtime.relativize(file);
            AbsoluteUnixPath target = relative.toString().isEmpty() ? AbsoluteUnixPath.get(JAVA_HOME)
                    : AbsoluteUnixPath.get(JAVA_HOME).resolve(relative.toString());
            if (Files.isDirectory(file)) {
                layer.addEntry(new FileEntry(file, target, DIRECTORY, FILE_TIME, "0:0"));
                continue;
            }
            if (HEADLESS_UNUSED.contains(file.getFileName().toString())) {
                continue;
            }
            boolean elf = isElf(file);
            if (elf) {
                libraries.putAll(Linker.needs(file, runtime));
            }
            layer.addEntry(new FileEntry(file, target, elf || Files.isExecutable(file) ? EXECUTABLE : FILE, FILE_TIME, "0:0"));
        }
        libraries.forEach((path, source) -> layer.addEntry(new FileEntry(source, AbsoluteUnixPath.get(path), EXECUTABLE, FILE_TIME, "0:0")));
        Path etc = Files.createDirectories(work.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/sbin/nologin\noffloadctl:x:10001:10001:offloadctl API:/data:/sbin/nologin\n",
                StandardCharsets.UTF_8);
        Files.writeString(etc.resolve("group"), "root:x:0:\noffloadctl:x:10001:\n", StandardCharsets.UTF_8);
        Files.writeString(etc.resolve("nsswitch.conf"), "passwd: files\ngroup: files\nhosts: files dns\n", StandardCharsets.UTF_8);
        // Kubernetes and container runtimes mount their own; this one answers for localhost where none does
        Files.writeString(etc.resolve("hosts"), "127.0.0.1 localhost\n::1 localhost\n", StandardCharsets.UTF_8);
        for (String name : List.of("group", "hosts", "nsswitch.conf", "passwd")) {
            layer.addEntry(new FileEntry(etc.resolve(name), AbsoluteUnixPath.get("/etc/" + name), FILE, FILE_TIME, "0:0"));
        }
        Path tmp = Files.createDirectories(work.resolve("empty-tmp"));
        layer.addEntry(new FileEntry(tmp, AbsoluteUnixPath.get("/tmp"), WRITABLE, FILE_TIME, "0:0"));
        return layer.build();
    }

    static boolean isElf(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) < 4) {
            return false;
        }
        try (var in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic[0] == 0x7f && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F';
        }
    }

    static List<Path> sortedTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.sorted().toList();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        for (Path path : sortedTree(root).reversed()) {
            Files.delete(path);
        }
    }

    /** The C libraries an ELF file loads, as this machine's dynamic linker resolves them. */
    static final class Linker {

        private Linker() {
        }

        /**
         * Each library {@code file} needs from outside the runtime, by the path it is loaded from (the
         * interpreter by the path written in the executable), with the file to copy there. A library
         * ldd does not find must be one of the runtime's own (libjvm.so, which the JVM loads itself).
         */
        static Map<String, Path> needs(Path file, Path runtime) throws IOException, InterruptedException {
            Process ldd = new ProcessBuilder("ldd", file.toString()).redirectErrorStream(true).start();
            String out = new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ldd.waitFor();
            Map<String, Path> needed = new TreeMap<>();
            for (String line : out.lines().map(String::strip).toList()) {
                if (line.contains("=> not found")) {
                    String name = line.substring(0, line.indexOf(" =>")).strip();
                    try (Stream<Path> own = Files.walk(runtime)) {
                        if (own.noneMatch(p -> p.getFileName().toString().equals(name))) {
                            throw new IllegalStateException(file + " needs " + name + ", which neither the runtime nor this machine has");
                        }
                    }
                    continue;
                }
                String path = null;
                if (line.contains(" => ")) {
                    String right = line.substring(line.indexOf(" => ") + 4).strip();
                    path = right.contains(" (") ? right.substring(0, right.indexOf(" (")) : right;
                } else if (line.startsWith("/")) {
                    path = line.contains(" (") ? line.substring(0, line.indexOf(" (")) : line;
                }
                // libraries of the runtime itself (libjvm, libjava, ...) are in the layer already
                if (path != null && path.startsWith("/") && !Path.of(path).normalize().startsWith(runtime.toAbsolutePath())) {
                    Path source = Path.of(path);
                    if (!Files.exists(source)) {
                        throw new UncheckedIOException(new IOException("ldd names " + path + " for " + file + ", which does not exist"));
                    }
                    needed.put(path, source.toRealPath());
                }
            }
            return needed;
        }
    }
}
