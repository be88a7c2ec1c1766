package io.offloadctl.node.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.offloadctl.client.ApiException;
import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;
import io.offloadctl.node.api.ApiConnection;

/**
 * An agent's own token, got once with an enroller token (the one secret a DaemonSet shares): POST
 * /api/v1/nodes/NODE/enrollment answers with an agent token bound to this node, which is kept beside
 * the cache ({@code desired.json} → {@code desired-token}, mode 0600) and used from then on, also
 * after restarts; when the API refuses it (revoked, or the node enrolled again elsewhere) the agent
 * enrolls again. Delete that file to enroll again at once.
 */
public final class Enrollment {

    private Enrollment() {
    }

    /** Where the agent keeps the token it enrolled for. */
    public static Path tokenFile(DesiredCache cache) {
        return Originals.sibling(cache, "-token");
    }

    /**
     * Whether the API refuses this token for good (401: unknown or revoked). An API that does not
     * answer, or a node without a desired state yet, says nothing against it: the kept token stays.
     */
    private static boolean refused(ApiConnection own, String node) {
        try {
            own.nodes().getDesiredState(node);
            return false;
        } catch (ApiException e) {
            return e.getCode() == 401;
        }
    }

    /** A connection with this node's own token: the kept one, or one enrolled for now with {@code enrollerToken}. */
    public static ApiConnection connect(String server, Duration timeout, String node, String enrollerToken, DesiredCache cache,
                                        java.io.PrintWriter log) {
        Path kept = tokenFile(cache);
        try {
            if (Files.isRegularFile(kept)) {
                String token = Files.readString(kept, StandardCharsets.UTF_8).strip();
                if (!token.isEmpty() && !refused(new ApiConnection(server, token, timeout), node)) {
                    return new ApiConnection(server, token, timeout);
                }
                log.println("offloadctl agent: the API refuses the token kept in " + kept + " (revoked?); enrolling again");
                log.flush();
            }
            ApiConnection enroller = new ApiConnection(server, enrollerToken, timeout);
            String token;
            try {
                token = enroller.nodes().enrollNode(node).getToken();
            } catch (ApiException e) {
                throw enroller.explain(e);
            }
            Files.createDirectories(kept.toAbsolutePath().getParent());
            PrivateFile.replace(kept, token.getBytes(StandardCharsets.UTF_8));
            log.println("offloadctl agent: enrolled node " + node + "; its token is kept in " + kept);
            log.flush();
            return new ApiConnection(server, token, timeout);
        } catch (IOException e) {
            throw new OffloadException(ErrorKind.PERMISSION, "cannot keep the enrolled token in " + kept + ": " + e.getMessage(), e);
        }
    }
}
