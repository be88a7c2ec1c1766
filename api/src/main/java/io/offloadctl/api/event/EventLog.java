package io.offloadctl.api.event;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** Writes and reads the event log. */
@ApplicationScoped
public class EventLog {

    /** Records an event inside the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(EventType type, String node, String policy, String detail) {
        recordAndReturn(type, node, policy, detail);
    }

    /** Records an event inside the caller's transaction and returns it as the API shows it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Event recordAndReturn(EventType type, String node, String policy, String detail) {
        return recordAndReturn(type, node, policy, detail, OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** Records an event that happened at {@code at} (an agent's enactment, reported after an outage). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Event recordAndReturn(EventType type, String node, String policy, String detail, OffsetDateTime at) {
        EventEntity entity = new EventEntity();
        entity.at = at;
        entity.type = type.wire();
        entity.node = node;
        entity.policy = policy;
        entity.detail = detail;
        entity.persist();
        return Event.of(entity);
    }

    public EventPage find(EventType type, String node, String policy, OffsetDateTime since, int page, int size) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (type != null) {
            conditions.add("type = :type");
            parameters.put("type", type.wire());
        }
        if (node != null) {
            conditions.add("node = :node");
            parameters.put("node", node);
        }
        if (policy != null) {
            conditions.add("policy = :policy");
            parameters.put("policy", policy);
        }
        if (since != null) {
            conditions.add("at >= :since");
            parameters.put("since", since);
        }
        var query = conditions.isEmpty()
                ? EventEntity.<EventEntity>findAll(Sort.descending("id"))
                : EventEntity.<EventEntity>find(String.join(" and ", conditions), Sort.descending("id"), parameters);
        long total = query.count();
        List<Event> items = query.page(Page.of(page, size)).list().stream().map(Event::of).toList();
        return new EventPage(items, page, size, total);
    }
}
