package io.offloadctl.api;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.restassured.RestAssured;

/**
 * Sends the test profile's admin token with every rest-assured request that carries no
 * Authorization header of its own.
 */
public class AsAdmin implements BeforeAllCallback {

    public static final String ADMIN_TOKEN = "test-admin-token";

    @Override
    public void beforeAll(ExtensionContext context) {
        RestAssured.replaceFiltersWith((request, response, ctx) -> {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", "Bearer " + ADMIN_TOKEN);
            }
            return ctx.next(request, response);
        });
    }
}
