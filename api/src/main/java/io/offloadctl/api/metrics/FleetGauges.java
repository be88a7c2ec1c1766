package io.offloadctl.api.metrics;

import io.offloadctl.api.rollout.RolloutService;
import io.offloadctl.api.rollout.RolloutState;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.offloadctl.api.node.NodeEntity;
import io.offloadctl.api.node.NodeInterfaceEntity;
import io.offloadctl.model.policy.ComplianceStatus;

/**
 * Fleet gauges for /q/metrics: nodes and interfaces per compliance status (stale decided by the
 * clock, as everywhere), and desired features the drivers keep fixed. Read from the database,
 * at most once per second, so every instance reports the same fleet.
 */
@ApplicationScoped
public class FleetGauges implements MeterBinder {

    private static final Duration REFRESH = Duration.ofSeconds(1);

    private final Duration staleAfter;
    private final RolloutService rollouts;
    private volatile Snapshot snapshot;

    public FleetGauges(@ConfigProperty(name = "offloadctl.stale-after") Duration staleAfter, RolloutService rollouts) {
        this.staleAfter = staleAfter;
        this.rollouts = rollouts;
    }

    record Snapshot(long takenAt, Map<ComplianceStatus, Long> nodes, Map<ComplianceStatus, Long> interfaces, long unenforceable,
                    Map<RolloutState, Long> rollouts, long rolloutFailedNodes) {
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ComplianceStatus status : ComplianceStatus.values()) {
            Gauge.builder("offloadctl.nodes", this, g -> g.current().nodes().getOrDefault(status, 0L))
                    .description("Nodes by compliance status").tag("status", status.name()).register(registry);
            Gauge.builder("offloadctl.interfaces", this, g -> g.current().interfaces().getOrDefault(status, 0L))
                    .description("Interfaces by compliance status (those of stale nodes count as stale)")
                    .tag("status", status.name()).register(registry);
        }
        Gauge.builder("offloadctl.unenforceable.features", this, g -> g.current().unenforceable())
                .description("Desired features that drivers keep fixed or lack, fleet-wide").register(registry);
        for (RolloutState state : RolloutState.values()) {
            if (state.active()) {
                Gauge.builder("offloadctl.rollouts", this, g -> g.current().rollouts().getOrDefault(state, 0L))
                        .description("Rollouts of policy changes in progress or paused").tag("state", state.name()).register(registry);
            }
        }
        Gauge.builder("offloadctl.rollout.failed.nodes", this, g -> g.current().rolloutFailedNodes())
                .description("Nodes of rollouts in progress or paused that failed or went stale in their wave").register(registry);
    }

    Snapshot current() {
        Snapshot taken = snapshot;
        if (taken == null || System.nanoTime() - taken.takenAt() > REFRESH.toNanos()) {
            taken = read();
            snapshot = taken;
        }
        return taken;
    }

    @ActivateRequestContext
    @Transactional
    Snapshot read() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(staleAfter);
        Map<ComplianceStatus, Long> nodes = new EnumMap<>(ComplianceStatus.class);
        Map<ComplianceStatus, Long> interfaces = new EnumMap<>(ComplianceStatus.class);
        List<Object[]> fresh = NodeEntity.getEntityManager().createQuery(
                "select n.status, count(n) from NodeEntity n where n.reportedAt >= :cutoff group by n.status", Object[].class)
                .setParameter("cutoff", cutoff).getResultList();
        fresh.forEach(row -> nodes.put(ComplianceStatus.valueOf((String) row[0]), (Long) row[1]));
        nodes.put(ComplianceStatus.stale, NodeEntity.count("reportedAt < ?1", cutoff));
        List<Object[]> freshInterfaces = NodeInterfaceEntity.getEntityManager().createQuery(
                "select i.status, count(i) from NodeInterfaceEntity i, NodeEntity n where i.node = n.name "
                        + "and n.reportedAt >= :cutoff group by i.status", Object[].class)
                .setParameter("cutoff", cutoff).getResultList();
        freshInterfaces.forEach(row -> interfaces.put(ComplianceStatus.valueOf((String) row[0]), (Long) row[1]));
        interfaces.put(ComplianceStatus.stale, NodeInterfaceEntity.getEntityManager().createQuery(
                "select count(i) from NodeInterfaceEntity i, NodeEntity n where i.node = n.name and n.reportedAt < :cutoff",
                Long.class).setParameter("cutoff", cutoff).getSingleResult());
        Long unenforceable = NodeEntity.getEntityManager().createQuery(
                "select coalesce(sum(n.unenforceableFeatures), 0) from NodeEntity n", Long.class).getSingleResult();
        return new Snapshot(System.nanoTime(), nodes, interfaces, unenforceable, rollouts.countByState(), rollouts.failedNodes());
    }
}
