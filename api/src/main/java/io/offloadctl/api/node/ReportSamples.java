package io.offloadctl.api.node;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.offloadctl.api.JsonCodec;
import io.offloadctl.model.report.NodeCounters;

/**
 * The hot path of state reports: a report whose configuration is the stored one, which is what an
 * agent sends cycle after cycle (only its counters move). Its bytes are read once, as a stream
 * ({@link ReportBody}: no report is built, nothing serialised again: the counters are stored as the report wrote them), and one SQL
 * statement on an autocommit connection (no ORM, no JTA transaction) stores the counters and the
 * report time where the configuration hash matches, and returns the previous counters and the
 * stored answer. Desired state, compliance and events stay as they are. The symptom rules need the
 * node's configuration only when the two counter readings could show a symptom (or the node has
 * symptom findings to clear): then, and only then, {@link NodeService#symptoms} reads it. Anything
 * else goes the full way through {@link NodeService#report}. Measured by bench/api-fleet-load.sh.
 */
@ApplicationScoped
public class ReportSamples {

    // The previous values come from the statement's snapshot; the update rechecks its conditions on the row
    // as it is when it gets the row's lock (a configuration stored meanwhile, and this report goes the full way).
    private static final String POSTGRESQL = "with previous as (select name, counters, reported_at, symptom_findings from node"
            + " where name = ?) update node set counters = ?, reported_at = ? from previous where node.name = previous.name"
            + " and node.config_hash = ? and node.counters is not null and node.desired_view is not null"
            + " returning previous.counters, previous.reported_at, previous.symptom_findings, node.status, node.desired_view";
    private static final String H2 = "select counters, reported_at, symptom_findings, status, desired_view from old table ("
            + "update node set counters = ?, reported_at = ? where name = ? and config_hash = ? and counters is not null"
            + " and desired_view is not null)";

    private final AgroalDataSource dataSource;
    private final JsonCodec json;
    private final NodeFindings findings;
    private final NodeService nodes;
    private final ReportBody.Parser parser;
    private final boolean postgresql;
    private final Counter samples;

    public ReportSamples(AgroalDataSource dataSource, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
                         ObjectMapper mapper, JsonCodec json, NodeFindings findings, NodeService nodes,
                         MeterRegistry registry) {
        this.dataSource = dataSource;
        this.json = json;
        this.findings = findings;
        this.nodes = nodes;
        // the application's mapper, with StrictJson's deserializers: counters are read as strictly as a full report
        this.parser = new ReportBody.Parser(mapper);
        this.postgresql = "postgresql".equals(dbKind);
        this.samples = NodeService.reports(registry, "sample");
    }

    /** The body's configuration hash and counters; null when it is no JSON object. */
    public ReportBody read(byte[] body) {
        return parser.read(body);
    }

    /** The answer for the agent when the node's stored configuration is this report's; empty otherwise. */
    public Optional<NodeService.ReportOutcome> store(String name, ReportBody report) {
        if (report == null || report.counters() == null || !ReportLimits.countersWithin(report.counters())) {
            return Optional.empty();
        }
        OffsetDateTime now = NodeService.now();
        String counters = report.countersJson();
        Previous previous;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(postgresql ? POSTGRESQL : H2)) {
            int at = 1;
            if (postgresql) {
                statement.setString(at++, name);
            }
            statement.setString(at++, counters);
            statement.setObject(at++, now);
            if (!postgresql) {
                statement.setString(at++, name);
            }
            statement.setString(at, report.configHash());
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                previous = new Previous(row.getString(1), row.getObject(2, OffsetDateTime.class), row.getInt(3), row.getString(4),
                        row.getString(5));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
        samples.increment();
        // the previous counters are read only when the two readings make a sample at all
        if (findings.samples(previous.reportedAt(), now)) {
            NodeCounters before = parser.stored(previous.counters()).orElseGet(() -> json.read(previous.counters(), NodeCounters.class));
            if (findings.symptomsToRun(previous.symptomFindings(), before, previous.reportedAt(), report.counters(), now,
                    report.interfaces())) {
                nodes.symptoms(name, now, before, previous.reportedAt(), report.counters());
            }
        }
        return Optional.of(new NodeService.ReportOutcome(false, NodeService.answer(false, previous.status(), previous.desiredView())));
    }

    private record Previous(String counters, OffsetDateTime reportedAt, int symptomFindings, String status, String desiredView) {
    }
}
