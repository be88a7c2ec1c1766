package io.offloadctl.api.node;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.offloadctl.model.settings.SettingValue;
import io.offloadctl.api.event.Event;
import io.offloadctl.api.event.EventLog;
import io.offloadctl.api.event.EventType;
import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.policy.ValidationException;
import io.offloadctl.model.policy.Violation;

/** Records enactments as events of their node. */
@ApplicationScoped
public class EnactmentLog {

    private final NodeService nodes;
    private final EventLog events;

    public EnactmentLog(NodeService nodes, EventLog events) {
        this.nodes = nodes;
        this.events = events;
    }

    @Transactional
    public Event record(String node, Enactment enactment) {
        NodeEntity entity = nodes.find(node);
        if (enactment.result() == null) {
            throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "result must be applied, partially-applied, failed or rolled-back");
        }
        if (enactment.revision() < 1 || enactment.revision() > entity.desiredRevision) {
            throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "revision " + enactment.revision()
                    + " was never the desired state of " + node + " (current: " + entity.desiredRevision + ")");
        }
        List<Violation> violations = new ArrayList<>();
        ReportLimits.length("message", enactment.message(), ReportLimits.MAX_MESSAGE, violations);
        if (enactment.probes().size() > ReportLimits.MAX_PROBES) {
            violations.add(new Violation("probes", "holds " + enactment.probes().size() + " probes; at most "
                    + ReportLimits.MAX_PROBES + " are accepted"));
        } else {
            for (int i = 0; i < enactment.probes().size(); i++) {
                ReportLimits.probe("probes[" + i + "]", enactment.probes().get(i), violations);
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        String details = enactment.details().stream()
                .map(d -> d.interfaceName() + " " + d.setting() + " " + (d.actual() == null ? "missing" : SettingValue.text(d.actual()))
                        + (java.util.Objects.equals(d.actual(), d.wanted()) ? "" : " (wanted " + SettingValue.text(d.wanted()) + ")"))
                .collect(Collectors.joining(", "));
        String probes = enactment.probes().stream()
                .map(p -> p.name() + " " + p.target() + " " + (p.before() ? "answered before" : "failed before")
                        + (p.after() == null ? "" : p.after() ? ", answered after" : ", failed after")
                        + (p.message() == null ? "" : " (" + p.message() + ")"))
                .collect(Collectors.joining(", "));
        // An agent's clock is its own: a time in the future is taken as now.
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime at = enactment.at() == null || enactment.at().isAfter(now) ? now : enactment.at();
        return events.recordAndReturn(EventType.enactment, node, null, "revision " + enactment.revision() + " "
                + enactment.result().wire() + (enactment.message() == null ? "" : ": " + enactment.message())
                + (details.isEmpty() ? "" : "; " + details) + (probes.isEmpty() ? "" : "; probes: " + probes), at);
    }
}
