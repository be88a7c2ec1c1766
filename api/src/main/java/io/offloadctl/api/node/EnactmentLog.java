package io.offloadctl.api.node;

import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.offloadctl.api.event.Event;
import io.offloadctl.api.event.EventLog;
import io.offloadctl.api.event.EventType;
import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;

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
        String details = enactment.details().stream()
                .map(d -> d.interfaceName() + " " + d.feature() + " " + (d.actual() ? "on" : "off")
                        + (d.actual() == d.wanted() ? "" : " (wanted " + (d.wanted() ? "on" : "off") + ")"))
                .collect(Collectors.joining(", "));
        return events.recordAndReturn(EventType.enactment, node, null, "revision " + enactment.revision() + " "
                + enactment.result().wire() + (enactment.message() == null ? "" : ": " + enactment.message())
                + (details.isEmpty() ? "" : "; " + details));
    }
}
