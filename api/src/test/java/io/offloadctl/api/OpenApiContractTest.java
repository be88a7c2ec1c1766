package io.offloadctl.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The served contract must be the committed one, so every contract change is deliberate. After a
 * deliberate change: {@code scripts/update-openapi.sh}.
 */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(AsAdmin.class)
class OpenApiContractTest {

    static final Path COMMITTED = Path.of("../openapi/offloadctl.yaml");
    static final Path SERVED = Path.of("target/openapi-served.yaml");

    @Test
    void servedContractIsTheCommittedOne() throws Exception {
        String served = given().accept("application/yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        Files.writeString(SERVED, served);
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED) : "";
        assertEquals(committed, served, "the API's contract differs from openapi/offloadctl.yaml; if the change is "
                + "deliberate, run scripts/update-openapi.sh and commit openapi/offloadctl.yaml");
    }
}
