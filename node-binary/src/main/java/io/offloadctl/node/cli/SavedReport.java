package io.offloadctl.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.policy.DesiredInterface;
import io.offloadctl.model.report.NodeReport;
import io.offloadctl.node.output.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A node report saved to a file: either the report itself (the JSON an agent sends) or the API's
 * node view, which holds the report under "report", the desired state under "desired" and the time the
 * API received the report under "summary.reportedAt".
 */
record SavedReport(NodeReport report, Map<String, DesiredInterface> desired, java.time.OffsetDateTime reportedAt) {

    static SavedReport read(String file, ObjectMapper mapper) {
        try (InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
            JsonNode tree = mapper.readTree(in);
            if (tree == null || !tree.isObject()) {
                throw new OffloadException(ErrorKind.INVALID_ARGUMENT, file + " does not hold a JSON object");
            }
            JsonNode reportNode = tree.has("report") ? tree.get("report") : tree;
            NodeReport report = mapper.treeToValue(reportNode, NodeReport.class);
            if (report == null || report.interfaces().isEmpty()) {
                throw new OffloadException(ErrorKind.INVALID_ARGUMENT, file + " holds no interfaces: is it a node report?");
            }
            Map<String, DesiredInterface> desired = new TreeMap<>();
            JsonNode interfaces = tree.path("desired").path("interfaces");
            for (JsonNode iface : interfaces) {
                DesiredInterface one = mapper.treeToValue(iface, DesiredInterface.class);
                desired.put(one.name(), one);
            }
            JsonNode at = tree.path("summary").path("reportedAt");
            java.time.OffsetDateTime reportedAt = null;
            if (at.isTextual()) {
                try {
                    reportedAt = java.time.OffsetDateTime.parse(at.asText());
                } catch (java.time.format.DateTimeParseException e) {
                    throw new OffloadException(ErrorKind.INVALID_ARGUMENT, file + ": summary.reportedAt '" + at.asText()
                            + "' is no ISO 8601 time");
                }
            }
            return new SavedReport(report, desired, reportedAt);
        } catch (IOException e) {
            throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "cannot read a node report from " + file + ": " + e.getMessage(), e);
        }
    }

    static void write(Path file, NodeReport report) {
        try {
            Files.writeString(file, Json.write(report));
        } catch (IOException e) {
            throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
