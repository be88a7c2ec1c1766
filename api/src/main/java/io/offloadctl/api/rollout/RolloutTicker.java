package io.offloadctl.api.rollout;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Moves rollouts on every {@code offloadctl.rollout.tick}: soak times end by the clock, not by a
 * request. Every instance ticks; the fleet lock lets one at a time decide.
 */
@ApplicationScoped
public class RolloutTicker {

    private static final Logger LOG = Logger.getLogger(RolloutTicker.class);

    private final RolloutService rollouts;
    private final Duration tick;
    private ScheduledExecutorService timer;

    public RolloutTicker(RolloutService rollouts, @ConfigProperty(name = "offloadctl.rollout.tick") Duration tick) {
        this.rollouts = rollouts;
        this.tick = tick;
    }

    void start(@Observes StartupEvent started) {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("offloadctl-rollouts").factory());
        timer.scheduleWithFixedDelay(this::tick, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void tick() {
        try {
            rollouts.advance();
        } catch (RuntimeException e) {
            LOG.warnf("rollouts: %s (trying again in %d ms)", e.getMessage(), tick.toMillis());
        }
    }
}
