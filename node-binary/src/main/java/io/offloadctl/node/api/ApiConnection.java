package io.offloadctl.node.api;

import io.offloadctl.node.output.JsonMappers;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.offloadctl.client.ApiClient;
import io.offloadctl.client.ApiException;
import io.offloadctl.client.api.NodesApi;
import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;

/**
 * The API as the node binary reaches it: the client generated from the committed contract, with
 * the bearer token on every request, bounded timeouts, and the API's problem details turned into
 * offloadctl errors.
 */
public final class ApiConnection {

    private final ApiClient client;
    private final String server;
    private NodesApi nodes;

    public ApiConnection(String server, String token, Duration timeout) {
        this.server = server;
        URI uri = URI.create(server);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "--server must be a URL such as http://api.example:8080, not '" + server + "'");
        }
        // HTTP/1.1: an agent sends one report per cycle, so an h2c upgrade would only add a protocol
        // switch; and the API reads HTTP/1.1 bodies whole before its worker runs (WholeRequestBodies).
        this.client = new ApiClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout),
                JsonMappers.create(),
                server.replaceAll("/+$", ""));
        client.setReadTimeout(timeout);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }

    /** The API's TCP address, for the probe that it still accepts connections; empty when its name does not resolve now. */
    public Optional<InetSocketAddress> address() {
        URI uri = URI.create(server);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        InetSocketAddress address = new InetSocketAddress(uri.getHost(), port);
        return address.isUnresolved() ? Optional.empty() : Optional.of(address);
    }

    /**
     * The nodes operations, on one HTTP client for the connection's life: the generated client builds
     * a new java.net.http.HttpClient (a selector thread, new connections) for every NodesApi.
     */
    public synchronized NodesApi nodes() {
        if (nodes == null) {
            nodes = new NodesApi(client);
        }
        return nodes;
    }

    /** The generated client's shared mapper: converts the shared model to the client's types. */
    public ObjectMapper mapper() {
        return client.getObjectMapper();
    }

    /** Says what the API answered (its problem detail), or that it could not be reached. */
    public OffloadException explain(ApiException e) {
        if (e.getCode() == 0) {
            return new OffloadException(ErrorKind.KERNEL, "cannot reach the API at " + server + ": "
                    + (e.getCause() == null ? e.getMessage() : e.getCause().toString()), e);
        }
        String detail = problemDetail(e.getResponseBody());
        ErrorKind kind = switch (e.getCode()) {
            case 401, 403 -> ErrorKind.PERMISSION;
            case 404 -> ErrorKind.NOT_FOUND;
            case 400, 409, 412, 413, 415, 422 -> ErrorKind.INVALID_ARGUMENT;
            default -> ErrorKind.KERNEL;
        };
        return new OffloadException(kind, "the API answered " + e.getCode() + ": " + detail, e);
    }

    private String problemDetail(String body) {
        try {
            JsonNode problem = mapper().readTree(body == null ? "" : body);
            return problem.hasNonNull("detail") ? problem.get("detail").asText() : String.valueOf(body);
        } catch (Exception notJson) {
            return String.valueOf(body);
        }
    }
}
