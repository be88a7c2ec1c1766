package io.offloadctl.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * The packaged API on its embedded database: without OFFLOADCTL_ADMIN_TOKEN the first start
 * prints a generated admin token once; a restart on the same data directory keeps everything
 * (and prints nothing); a node that stops reporting turns stale.
 */
class FirstStartIT {

    static final Pattern GENERATED = Pattern.compile("created one \\(shown only now\\): (oc_\\S+)");

    @Test
    void firstAdminTokenIsPrintedOnceAndARestartKeepsEverything() throws Exception {
        Map<String, String> environment = Map.of(
                "OFFLOADCTL_DATA_DIR", Path.of("target", "first-start-" + ProcessHandle.current().pid()).toAbsolutePath().toString(),
                "OFFLOADCTL_STALE_AFTER", "2s");
        String token;
        try (ApiProcess first = ApiProcess.start("first-start", null, environment)) {
            Matcher printed = GENERATED.matcher(Files.readString(first.log));
            assertTrue(printed.find(), "the generated token is printed: " + first.log);
            token = printed.group(1);
            on(first, token).contentType(ContentType.JSON).body(Fleet.policy("kept", 1, "audit", null, Map.of("gro", false)))
                    .post("/api/v1/policies").then().statusCode(201);
            on(first, token).contentType(ContentType.JSON).body(Fleet.hypervisor(Map.of(), true))
                    .put("/api/v1/nodes/quiet-node/state").then().statusCode(201);
            given().baseUri(first.url()).get("/api/v1/policies").then().statusCode(401);
        }
        try (ApiProcess second = ApiProcess.start("second-start", null, environment)) {
            assertFalse(GENERATED.matcher(Files.readString(second.log)).find(), "an admin exists: nothing is generated");
            on(second, token).get("/api/v1/policies").then().statusCode(200).body("[0].policy.name", equalTo("kept"));
            Thread.sleep(2500);
            on(second, token).get("/api/v1/nodes/quiet-node").then().statusCode(200).body("summary.status", equalTo("stale"));
            on(second, token).get("/api/v1/compliance").then().body("nodes.stale", equalTo(1));
        }
    }

    static io.restassured.specification.RequestSpecification on(ApiProcess api, String token) {
        return given().baseUri(api.url()).header("Authorization", "Bearer " + token);
    }
}
