package io.offloadctl.api.node;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The hot path of state reports: a report whose bytes equal the node's last one. One SQL statement
 * on an autocommit connection (no ORM, no JTA transaction) refreshes the report time and returns
 * the stored answer; anything else goes the full way through {@link NodeService#report}.
 * Measured by bench/api-fleet-load.sh.
 */
@ApplicationScoped
public class UnchangedReports {

    private static final String WHERE = "update node set reported_at = ? where name = ? and body_hash = ? and desired_view is not null";

    private final AgroalDataSource dataSource;
    private final String touch;

    public UnchangedReports(AgroalDataSource dataSource, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.dataSource = dataSource;
        // The same statement in each database's words for "update and give me the row".
        this.touch = "postgresql".equals(dbKind)
                ? WHERE + " returning status, desired_view"
                : "select status, desired_view from final table (" + WHERE + ")";
    }

    /** The answer for the agent when the node's last report had exactly these bytes; empty otherwise. */
    public Optional<NodeService.ReportOutcome> touch(String node, String bodyHash) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(touch)) {
            statement.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
            statement.setString(2, node);
            statement.setString(3, bodyHash);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new NodeService.ReportOutcome(false, NodeService.answer(false, row.getString(1), row.getString(2))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
    }
}
