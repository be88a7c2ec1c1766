package io.offloadctl.node.nativebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.offloadctl.node.ffi.LibC;
import io.offloadctl.node.testing.Shell;
import jnr.ffi.Struct;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    void everyLibraryInterfaceAndStructIsCovered() throws Exception {
        Set<String> reflection = names("reflect-config.json", "name");
        Set<String> proxies = names("proxy-config.json", "interfaces");
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
            assertTrue(proxies.contains(library), library + " must be registered for proxies (the reflection loader makes one)");
            assertTrue(reflection.contains(library), library + " must be registered for reflection");
        }
        for (String struct : structs) {
            assertTrue(reflection.contains(struct), struct + " must be registered for reflection");
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
}
