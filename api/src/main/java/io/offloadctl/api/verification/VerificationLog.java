package io.offloadctl.api.verification;

import io.offloadctl.api.JsonCodec;
import io.offloadctl.api.event.EventLog;
import io.offloadctl.api.event.EventType;
import io.offloadctl.api.node.NodeEntity;
import io.offloadctl.api.problem.ApiException;
import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.diagnose.Rates;
import io.offloadctl.model.verify.VerificationReport;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Verification results, kept per node and peer; each one is also an event of its node. */
@ApplicationScoped
public class VerificationLog {

    private final JsonCodec json;
    private final EventLog events;

    public VerificationLog(JsonCodec json, EventLog events) {
        this.json = json;
        this.events = events;
    }

    @Transactional
    public Verification record(String node, byte[] body) {
        if (NodeEntity.findById(node) == null) {
            throw ApiException.notFound("no node named '" + node + "'; a node reports its state before its verifications");
        }
        VerificationReport report = json.readRequest(body, VerificationReport.class);
        check(report);
        VerificationEntity entity = new VerificationEntity();
        entity.node = node;
        entity.peer = report.peer();
        entity.at = OffsetDateTime.now(ZoneOffset.UTC);
        entity.report = json.write(report);
        entity.kept = report.kept();
        entity.persist();
        events.record(EventType.verification, node, null, (report.kept() ? "kept " : "rolled back ") + report.settings()
                + " on " + String.join(",", report.interfaces()) + " against " + report.peer() + ": "
                + Rates.bits(report.beforeBitsPerSecond()) + " -> " + Rates.bits(report.afterBitsPerSecond()));
        return view(entity);
    }

    /** Newest first; with {@code latestOnly}, only the newest of each node and peer pair. */
    @Transactional
    public VerificationPage find(String node, String peer, boolean latestOnly, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (node != null) {
            where.add("node = :node");
            parameters.and("node", node);
        }
        if (peer != null) {
            where.add("peer = :peer");
            parameters.and("peer", peer);
        }
        if (latestOnly) {
            where.add("at = (select max(w.at) from VerificationEntity w where w.node = v.node and w.peer = v.peer)");
        }
        String query = "from VerificationEntity v" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
        var found = VerificationEntity.<VerificationEntity>find(query, Sort.descending("at", "id"), parameters);
        List<Verification> items = found.page(Page.of(page, size)).list().stream().map(this::view).toList();
        return new VerificationPage(items, page, size, found.count());
    }

    private Verification view(VerificationEntity entity) {
        return new Verification(entity.id, entity.node, entity.at, json.read(entity.report, VerificationReport.class));
    }

    private static void check(VerificationReport report) {
        if (report.peer() == null || report.peer().isBlank() || report.peer().length() > 255) {
            throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "peer must be 1 to 255 characters");
        }
        if (report.interfaces().isEmpty() || report.settings().isEmpty()) {
            throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "interfaces and settings must not be empty");
        }
        if (report.beforeBitsPerSecond() < 0 || report.afterBitsPerSecond() < 0 || report.seconds() <= 0 || report.streams() < 1) {
            throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "throughputs must be at least 0, seconds above 0, streams at least 1");
        }
    }
}
