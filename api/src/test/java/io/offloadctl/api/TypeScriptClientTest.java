package io.offloadctl.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The TypeScript client generated from the committed contract (target/typescript-client) is
 * compiled with tsc and run with node against this live API: create a policy, list nodes, read
 * compliance, and get a 409 as a typed error.
 */
@QuarkusTest
@ExtendWith(AsAdmin.class)
class TypeScriptClientTest {

    static final Path SOURCES = Path.of("src/test/typescript");
    static final Path GENERATED = Path.of("target/typescript-client");
    static final Path WORK = Path.of("target/typescript-check");

    @Inject
    Fleet fleet;

    @TestHTTPResource("/")
    java.net.URL base;

    @BeforeEach
    void empty() {
        fleet.clear();
    }

    @Test
    void generatedClientWorksAgainstTheLiveApi() throws Exception {
        Fleet.report("ts-node", Fleet.hypervisor(Map.of(), true)).statusCode(201);
        prepareWorkDirectory();
        run(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error"));
        run(List.of("npx", "tsc", "-p", "tsconfig.json"));
        String out = run(List.of("node", "dist/main.js", base.toString().replaceAll("/$", ""), AsAdmin.ADMIN_TOKEN));

        JsonNode result = new ObjectMapper().readTree(out.lines().reduce((a, b) -> b).orElseThrow());
        assertEquals("from-typescript", result.get("created").asText());
        assertEquals(false, result.get("features").get("rx-gro").asBoolean(true));
        assertEquals("ts-node", result.get("nodes").get(0).asText());
        assertEquals(1, result.get("total").asInt());
        assertEquals(1, result.get("nodeStatus").get("drifted").asInt(), "the new policy wants gro off: " + result);
        assertEquals(409, result.get("duplicate").asInt());
    }

    private static void prepareWorkDirectory() throws IOException {
        Files.createDirectories(WORK.resolve("client"));
        for (String file : List.of("package.json", "tsconfig.json", "main.ts")) {
            Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        try (Stream<Path> files = Files.walk(GENERATED)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ts")).toList()) {
                Path target = WORK.resolve("client").resolve(GENERATED.relativize(file));
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command + " exited " + process.exitValue() + ":\n" + output);
        }
        return output;
    }
}
