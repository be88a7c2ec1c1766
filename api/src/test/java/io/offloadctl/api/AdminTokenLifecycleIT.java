package io.offloadctl.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * OFFLOADCTL_ADMIN_TOKEN is the root of trust: rotating it retires the old value, setting it again
 * brings a revoked value back, and the last active admin token cannot be revoked through the API.
 * The log says what each start did.
 */
class AdminTokenLifecycleIT {

    @Test
    void rotatingTheVariableRetiresTheOldTokenAndTheLastAdminStays() throws Exception {
        Map<String, String> environment = Map.of("OFFLOADCTL_DATA_DIR",
                Path.of("target", "admin-lifecycle-" + ProcessHandle.current().pid()).toAbsolutePath().toString());
        try (ApiProcess first = ApiProcess.start("admin-first", "first-admin-value", environment)) {
            assertTrue(Files.readString(first.log).contains("admin token from OFFLOADCTL_ADMIN_TOKEN: stored"), first.log.toString());
            int id = as(first, "first-admin-value").get("/api/v1/tokens").then().statusCode(200).extract().path("[0].id");
            as(first, "first-admin-value").delete("/api/v1/tokens/" + id).then().statusCode(409)
                    .body("detail", containsString("last active admin token"));
            as(first, "first-admin-value").get("/api/v1/policies").then().statusCode(200);
        }
        String third;
        try (ApiProcess rotated = ApiProcess.start("admin-rotated", "second-admin-value", environment)) {
            assertTrue(Files.readString(rotated.log).contains("stored; 1 earlier token(s) from the variable revoked"),
                    rotated.log.toString());
            as(rotated, "first-admin-value").get("/api/v1/policies").then().statusCode(401);
            as(rotated, "second-admin-value").get("/api/v1/policies").then().statusCode(200);
            third = as(rotated, "second-admin-value").contentType(ContentType.JSON).body(Map.of("name", "ops", "role", "admin"))
                    .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
            int secondId = as(rotated, third).get("/api/v1/tokens").then().extract()
                    .path("find { it.name == 'admin from OFFLOADCTL_ADMIN_TOKEN' && it.revokedAt == null }.id");
            as(rotated, third).delete("/api/v1/tokens/" + secondId).then().statusCode(204);
            as(rotated, "second-admin-value").get("/api/v1/policies").then().statusCode(401);
        }
        try (ApiProcess again = ApiProcess.start("admin-again", "second-admin-value", environment)) {
            assertTrue(Files.readString(again.log).contains("admin token from OFFLOADCTL_ADMIN_TOKEN: active again"),
                    again.log.toString());
            as(again, "second-admin-value").get("/api/v1/policies").then().statusCode(200);
            as(again, third).get("/api/v1/policies").then().statusCode(200);
        }
    }

    private static RequestSpecification as(ApiProcess api, String token) {
        return given().baseUri(api.url()).header("Authorization", "Bearer " + token);
    }
}
