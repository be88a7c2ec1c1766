package io.offloadctl.node.cli;

import io.offloadctl.client.ApiException;
import io.offloadctl.model.verify.VerificationReport;
import io.offloadctl.node.api.ApiConnection;

/** Posts a verification result to the API as this node, through the client generated from the contract. */
final class VerificationPoster {

    private VerificationPoster() {
    }

    static void post(ApiOptions options, VerificationReport report) {
        ApiConnection api = options.connect();
        try {
            api.nodes().reportVerification(options.nodeName(),
                    api.mapper().convertValue(report, io.offloadctl.client.model.VerificationReport.class));
        } catch (ApiException e) {
            throw api.explain(e);
        }
    }
}
