package io.offloadctl.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.offloadctl.api.problem.Problem;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Request bodies: the API reads HTTP/1.x bodies whole before RESTEasy runs (WholeRequestBodies) and
 * leaves HTTP/2 bodies to RESTEasy; both must work (the other tests speak HTTP/1.1 through
 * rest-assured). Here HTTP/2 (cleartext, upgraded from HTTP/1.1 as java.net.http does), a body
 * beyond the HTTP layer's limit, and PUTs and POSTs without a body.
 */
@QuarkusTest
class RequestBodiesTest {

    @Inject
    Fleet fleet;

    @TestHTTPResource("/api/v1/")
    URL api;

    @BeforeEach
    void empty() {
        fleet.clear();
    }

    @Test
    void aReportAndAPolicyArriveOverHttp2() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> upgraded = client.send(request("nodes").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, upgraded.version(), "the connection was upgraded to HTTP/2");

        String report = new ObjectMapper().writeValueAsString(Fleet.hypervisor(Map.of("role", "hypervisor"), true));
        HttpResponse<String> created = client.send(json(request("nodes/h2-node/state"), "PUT", report), HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, created.version());
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> unchanged = client.send(json(request("nodes/h2-node/state"), "PUT", report), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, unchanged.statusCode(), unchanged.body());

        String policy = new ObjectMapper().writeValueAsString(Fleet.policy("over-h2", 5, "audit", null, Map.of("gro", false)));
        HttpResponse<String> posted = client.send(json(request("policies"), "POST", policy), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, posted.statusCode(), posted.body());
    }

    @Test
    void aBodyBeyondTheHttpLimitIsAProblem() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        byte[] nineMegabytes = new byte[9 * 1024 * 1024];
        Arrays.fill(nineMegabytes, (byte) ' ');
        HttpResponse<String> refused = client.send(request("nodes/big-node/state").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(nineMegabytes)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, refused.statusCode(), refused.body());
        assertEquals(Problem.MEDIA_TYPE, refused.headers().firstValue("Content-Type").orElse(""));
        assertTrue(refused.body().contains("\"status\":413"), refused.body());
    }

    @Test
    void aChunkedBodyMeetsTheSameLimitAsADeclaredOne() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        byte[] report = new ObjectMapper().writeValueAsBytes(Fleet.hypervisor(Map.of(), true));
        for (int megabytes : new int[] {5, 9}) {
            byte[] spaces = new byte[megabytes * 1024 * 1024];
            Arrays.fill(spaces, (byte) ' ');
            HttpResponse<String> refused = client.send(chunked(request("nodes/chunked-node/state"), spaces),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(413, refused.statusCode(), megabytes + " MB: " + refused.body());
            assertEquals(Problem.MEDIA_TYPE, refused.headers().firstValue("Content-Type").orElse(""));
        }
        // Within the limit a chunked body is read as any other: a report padded to 3 MB.
        byte[] padded = Arrays.copyOf(report, 3 * 1024 * 1024);
        Arrays.fill(padded, report.length, padded.length, (byte) ' ');
        HttpResponse<String> accepted = client.send(chunked(request("nodes/chunked-node/state"), padded),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, accepted.statusCode(), accepted.body());
    }

    /** Without a known length java.net.http sends the body chunked. */
    private static HttpRequest chunked(HttpRequest.Builder request, byte[] body) {
        return request.header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build();
    }

    @Test
    void anEmptyBodyIsABadRequest() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String[] operation : new String[][] {{"PUT", "nodes/empty-node/state"}, {"POST", "policies"},
                {"POST", "policies/preview"}, {"POST", "tokens"}, {"POST", "nodes/empty-node/enactments"}}) {
            HttpResponse<String> refused = client.send(json(request(operation[1]), operation[0], ""), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, refused.statusCode(), operation[0] + " " + operation[1] + ": " + refused.body());
            assertEquals(Problem.MEDIA_TYPE, refused.headers().firstValue("Content-Type").orElse(""));
        }
    }

    private HttpRequest.Builder request(String path) throws Exception {
        return HttpRequest.newBuilder(URI.create(api.toString() + path)).header("Authorization", "Bearer " + AsAdmin.ADMIN_TOKEN);
    }

    private static HttpRequest json(HttpRequest.Builder request, String method, String body) {
        return request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
