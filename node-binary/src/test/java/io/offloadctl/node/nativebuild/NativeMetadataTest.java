package io.offloadctl.node.nativebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.offloadctl.node.ffi.LibC;
import io.offloadctl.node.nativeimage.JsonTypes;
import io.offloadctl.node.nativeimage.JsonTypesFeature;
import io.offloadctl.node.testing.Shell;
import jnr.ffi.Struct;
import jnr.ffi.provider.LoadedLibrary;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The native image's metadata (native-build/offloadctl) covers every jnr-ffi library interface and
 * struct the FFI layer has, names nothing that does not exist, and keeps jffi's stub; and a build
 * without GraalVM stops with one clear line.
 */
class NativeMetadataTest {

    private static final Path CONFIG = Path.of("..", "native-build", "offloadctl");
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Class<?>> ffiClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(LibC.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path ffi = classes.resolve(LibC.class.getPackageName().replace('.', '/'));
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(ffi)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                found.add(Class.forName(LibC.class.getPackageName() + "." + name, false, LibC.class.getClassLoader()));
            }
        }
        return found;
    }

    static Set<String> names(String file, String field) throws IOException {
        Set<String> names = new TreeSet<>();
        for (JsonNode entry : JSON.readTree(CONFIG.resolve(file).toFile())) {
            if (entry.has("interfaces")) {
                entry.get("interfaces").forEach(i -> names.add(i.asText()));
            } else {
                names.add(entry.get(field).asText());
            }
        }
        return names;
    }

    /** Each proxy-config entry's interface list, in order: a proxy class is registered for exactly that list. */
    static Set<List<String>> proxyInterfaceLists() throws IOException {
        Set<List<String>> lists = new HashSet<>();
        for (JsonNode entry : JSON.readTree(CONFIG.resolve("proxy-config.json").toFile())) {
            List<String> interfaces = new ArrayList<>();
            entry.get("interfaces").forEach(i -> interfaces.add(i.asText()));
            lists.add(interfaces);
        }
        return lists;
    }

    @Test
    void everyLibraryInterfaceAndStructIsCovered() throws Exception {
        Set<String> reflection = names("reflect-config.json", "name");
        Set<List<String>> proxies = proxyInterfaceLists();
        List<String> libraries = new ArrayList<>();
        List<String> structs = new ArrayList<>();
        for (Class<?> type : ffiClasses()) {
            if (type.isInterface() && Stream.of(type.getDeclaredMethods()).anyMatch(m -> Modifier.isAbstract(m.getModifiers()))) {
                libraries.add(type.getName());
            } else if (Struct.class.isAssignableFrom(type)) {
                structs.add(type.getName());
            }
        }
        assertTrue(libraries.contains(LibC.class.getName()), libraries.toString());
        assertTrue(structs.size() >= 8, structs.toString());
        for (String library : libraries) {
            // jnr-ffi's reflection loader, and its error proxy when loading fails, both make Proxy(library, LoadedLibrary)
            assertTrue(proxies.contains(List.of(library, LoadedLibrary.class.getName())),
                    library + " must be registered for a proxy of [" + library + ", " + LoadedLibrary.class.getName() + "]: " + proxies);
            assertTrue(reflection.contains(library), library + " must be registered for reflection");
        }
        for (String struct : structs) {
            assertTrue(reflection.contains(struct), struct + " must be registered for reflection");
        }
    }

    @Test
    void whatJacksonReadsAndWritesIsRegisteredForTheImage() throws Exception {
        // what the CLI prints as JSON, the agent's files, the report it sends and the view it receives
        for (String name : List.of("io.offloadctl.node.cli.DoctorCommand$Result", "io.offloadctl.node.perf.PerfResult",
                "io.offloadctl.node.output.Json$InterfaceFeatures", "io.offloadctl.node.agent.OutageJournal$Stored",
                "io.offloadctl.node.agent.CachedDesired", "io.offloadctl.model.InterfaceInfo", "io.offloadctl.model.report.NodeReport",
                "io.offloadctl.model.ErrorKind", "io.offloadctl.client.model.NodeReport", "io.offloadctl.client.model.NodeView")) {
            assertTrue(JsonTypes.isJsonType(Class.forName(name, false, getClass().getClassLoader())), name);
        }
        for (Class<?> notData : List.of(JsonTypesFeature.class, io.offloadctl.node.cli.Main.class, String.class, Runnable.class)) {
            assertFalse(JsonTypes.isJsonType(notData), notData.getName());
        }
        // the feature finds the classes in a directory of classes and in a jar, as the image's class path has them
        Path classes = Path.of(JsonTypes.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> fromDirectory = JsonTypesFeature.classNames(List.of(classes));
        assertTrue(fromDirectory.contains("io.offloadctl.node.output.Json$InterfaceFeatures"), fromDirectory.toString());
        // the same classes in a jar (the model and the client arrive as jars; which form the model
        // has in this build depends on the phase Maven ran: so the jar is made from our classes)
        Path jar = Files.createTempFile("offloadctl-classes", ".jar");
        try {
            try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar)); var files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    out.putNextEntry(new java.util.jar.JarEntry(classes.relativize(file).toString()));
                    Files.copy(file, out);
                    out.closeEntry();
                }
            }
            assertEquals(fromDirectory.stream().sorted().toList(),
                    JsonTypesFeature.classNames(List.of(jar)).stream().sorted().toList());
        } finally {
            Files.delete(jar);
        }
    }

    @Test
    void everyNamedClassExistsAndJffiIsKept() throws Exception {
        Set<String> all = new TreeSet<>(names("reflect-config.json", "name"));
        all.addAll(names("jni-config.json", "name"));
        all.addAll(names("proxy-config.json", "interfaces"));
        for (String name : all) {
            Class.forName(name, false, getClass().getClassLoader());
        }
        assertTrue(names("jni-config.json", "name").contains("com.kenai.jffi.Foreign"));
        String resources = Files.readString(CONFIG.resolve("resource-config.json"));
        assertTrue(resources.contains("jni/x86_64-Linux/libjffi-1.2.so"), resources);
        assertNotNull(getClass().getClassLoader().getResource("jni/x86_64-Linux/libjffi-1.2.so"), "the stub is on the class path");
    }

    @Test
    void aBuildWithoutGraalvmSaysSoInOneLine() {
        Shell.Result missing = Shell.run("env", "-i", "PATH=/usr/bin:/bin", "bash", "../native-build/check-graalvm.sh", "false");
        assertEquals(1, missing.exitCode(), missing.toString());
        assertEquals(1, missing.err().lines().count(), missing.err());
        assertTrue(missing.err().startsWith("offloadctl native build: no GraalVM found: set GRAALVM_HOME"), missing.err());
        Shell.Result wrongHome = Shell.run("env", "-i", "PATH=/usr/bin:/bin", "GRAALVM_HOME=/usr/lib/jvm/temurin-25-jdk-amd64",
                "bash", "../native-build/check-graalvm.sh", "false");
        assertEquals(1, wrongHome.exitCode(), wrongHome.toString());
        assertTrue(wrongHome.err().contains("has no bin/native-image"), wrongHome.err());
    }

    @Test
    void aSourcesOnlyBuildNeedsNoGraalvm() {
        Shell.Result sourcesOnly = Shell.run("env", "-i", "PATH=/usr/bin:/bin", "bash", "../native-build/check-graalvm.sh", "false", "true");
        assertEquals(0, sourcesOnly.exitCode(), sourcesOnly.toString());
    }

    /**
     * The class-initialisation check of native-build/here fails on what the builder reported before
     * the fix (jffi's Foreign initialised by Quarkus' Feature at build time) and passes on a report where
     * only arrays and lambda classes of the FFI packages are build-time.
     */
    @Test
    void theClassInitialisationCheckFailsOnBuildTimeFfiClasses(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        String header = "Class Name, Initialization Kind, Reason for Initialization\n";
        Path before = Files.writeString(dir.resolve("before.csv"), header
                + "com.kenai.jffi.Foreign, BUILD_TIME, from feature io.quarkus.runner.Feature.duringSetup with ''\n"
                + "io.offloadctl.node.cli.Cli, BUILD_TIME, from feature io.quarkus.runner.Feature.duringSetup with ''\n");
        Shell.Result failed = Shell.run("bash", "../native-build/here/check-class-init.sh", before.toString());
        assertEquals(1, failed.exitCode(), failed.toString());
        assertTrue(failed.err().contains("com.kenai.jffi.Foreign, BUILD_TIME"), failed.err());
        assertTrue(!failed.err().contains("io.offloadctl.node.cli.Cli"), "only the FFI packages must be run-time: " + failed.err());
        for (String ffi : List.of("jnr.ffi.provider.jffi.NativeRuntime", "io.offloadctl.node.ffi.LibC")) {
            Path one = Files.writeString(dir.resolve("one.csv"), header + ffi + ", BUILD_TIME, from feature x\n");
            assertEquals(1, Shell.run("bash", "../native-build/here/check-class-init.sh", one.toString()).exitCode(), ffi);
        }
        Path after = Files.writeString(dir.resolve("after.csv"), header
                + "com.kenai.jffi.Foreign, RUN_TIME, from the command line\n"
                + "jnr.ffi.Type[], BUILD_TIME, arrays are initialized at build time\n"
                + "com.kenai.jffi.internal.StubLoader$$Lambda/0x0000000025535520, BUILD_TIME, proxy/lambda classes with all"
                + " interfaces explicitly marked as --initialize-at-build-time are also initialized at build time\n");
        Shell.Result passed = Shell.run("bash", "../native-build/here/check-class-init.sh", after.toString());
        assertEquals(0, passed.exitCode(), passed.toString());
        assertEquals(1, Shell.run("bash", "../native-build/here/check-class-init.sh", dir.resolve("none.csv").toString()).exitCode());
    }
}
