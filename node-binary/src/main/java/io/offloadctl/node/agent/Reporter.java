package io.offloadctl.node.agent;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.type.TypeReference;

import io.offloadctl.client.ApiException;
import io.offloadctl.client.model.Enactment;
import io.offloadctl.client.model.ReportResponse;
import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.policy.DesiredInterface;
import io.offloadctl.model.policy.Policy;
import io.offloadctl.model.report.NodeReport;
import io.offloadctl.node.api.ApiConnection;

/**
 * Everything the agent tells the API, on a thread of its own, so that a slow, hung or absent API
 * delays only what it is told, never a repair: the latest report (a newer one replaces one not yet
 * sent) and the enactments of the {@link OutageJournal}, oldest first. Each desired state the API
 * answers with is handed to the agent. While the API cannot be reached, attempts back off
 * exponentially up to the report interval. An API that refuses the agent for good (401, 403, 422)
 * ends it: the refusal is handed to the agent, which stops with it.
 */
final class Reporter {

    private static final TypeReference<List<DesiredInterface>> INTERFACES = new TypeReference<>() {
    };
    private static final TypeReference<List<Policy>> POLICIES = new TypeReference<>() {
    };

    private final String node;
    private final ApiConnection api;
    private final OutageJournal journal;
    private final Duration maxBackoff;
    private final PrintWriter log;
    /** A lock and condition, not an object monitor: wait() inflates a monitor, which the JVM then deflates on a timer. */
    private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
    private final java.util.concurrent.locks.Condition work = lock.newCondition();
    private NodeReport pending;
    /** Throughput verifications of rollouts, posted after the journal (best effort: lost with the process). */
    private final java.util.Queue<io.offloadctl.model.verify.VerificationReport> verifications = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private boolean reachable = true;

    Reporter(String node, ApiConnection api, OutageJournal journal, Duration maxBackoff, PrintWriter log) {
        this.node = node;
        this.api = api;
        this.journal = journal;
        this.maxBackoff = maxBackoff;
        this.log = log;
    }

    /**
     * Starts the thread; {@code sink} receives every desired state the API answers with (a
     * {@link CachedDesired}), and the {@link OffloadException} of a refusal for good, after which the thread ends.
     */
    void start(Consumer<Object> sink) {
        Thread.ofPlatform().daemon().name("offloadctl-reporter").start(() -> loop(sink));
    }

    /** The report to send next (replacing one not yet sent). */
    void submit(NodeReport report) {
        lock.lock();
        try {
            pending = report;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** An enactment: kept on disk until the API accepted it. */
    void record(Enactment enactment) {
        journal.append(enactment);
        lock.lock();
        try {
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A throughput verification the agent ran before keeping or rolling back a change. */
    void verification(io.offloadctl.model.verify.VerificationReport report) {
        verifications.add(report);
        lock.lock();
        try {
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop(Consumer<Object> sink) {
        int failures = 0;
        while (true) {
            NodeReport report;
            lock.lock();
            try {
                while (pending == null && journal.size() == 0 && verifications.isEmpty()) {
                    work.await();
                }
                report = pending;
                pending = null;
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            boolean delivered;
            try {
                delivered = (report == null || send(report).map(d -> {
                    sink.accept(d);
                    return true;
                }).orElse(false)) && drainJournal();
            } catch (OffloadException e) {
                say(e.getMessage() + "; the agent stops");
                sink.accept(e);
                return;
            }
            if (delivered) {
                failures = 0;
                continue;
            }
            lock.lock();
            try {
                if (report != null && pending == null) {
                    pending = report;
                }
                failures++;
                long backoff = Math.min(maxBackoff.toMillis(), 250L << Math.min(failures, 12));
                work.await(backoff, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Sends one report now; the desired state it was answered with, or empty when the API cannot be reached. */
    Optional<CachedDesired> send(NodeReport report) {
        try {
            ReportResponse response = api.nodes().reportNodeState(node,
                    api.mapper().convertValue(report, io.offloadctl.client.model.NodeReport.class));
            var view = response.getDesired();
            reachable(true);
            return Optional.of(new CachedDesired(node, view.getRevision(), view.getRetry() == null ? 0 : view.getRetry(),
                    api.mapper().convertValue(view.getInterfaces(), INTERFACES),
                    api.mapper().convertValue(view.getPolicies(), POLICIES), null));
        } catch (ApiException e) {
            OffloadException explained = api.explain(e);
            if (explained.kind() == ErrorKind.PERMISSION || explained.kind() == ErrorKind.INVALID_ARGUMENT) {
                throw explained;
            }
            unreachable(explained);
            return Optional.empty();
        }
    }

    /** Posts the journal's enactments, oldest first, then the verifications; true when both are empty afterwards. */
    boolean drainJournal() {
        Enactment next;
        while ((next = journal.oldest()) != null) {
            try {
                api.nodes().reportEnactment(node, next);
                journal.removeOldest();
            } catch (ApiException e) {
                OffloadException explained = api.explain(e);
                if (explained.kind() == ErrorKind.PERMISSION) {
                    throw explained;
                }
                if (explained.kind() == ErrorKind.INVALID_ARGUMENT || explained.kind() == ErrorKind.NOT_FOUND) {
                    // The API will never take this one (a revision of a node it forgot): keep the rest moving.
                    say("the API refused an enactment of revision " + next.getRevision() + " for good (" + explained.getMessage()
                            + "); dropped from the outage journal");
                    journal.removeOldest();
                    continue;
                }
                unreachable(explained);
                return false;
            }
        }
        io.offloadctl.model.verify.VerificationReport verification;
        while ((verification = verifications.peek()) != null) {
            try {
                api.nodes().reportVerification(node, api.mapper().convertValue(verification,
                        io.offloadctl.client.model.VerificationReport.class));
            } catch (ApiException e) {
                OffloadException explained = api.explain(e);
                if (explained.kind() == ErrorKind.PERMISSION) {
                    throw explained;
                }
                if (explained.kind() != ErrorKind.INVALID_ARGUMENT && explained.kind() != ErrorKind.NOT_FOUND) {
                    unreachable(explained);
                    return false;
                }
                say("the API refused a throughput verification for good (" + explained.getMessage() + "); dropped");
            }
            verifications.remove();
        }
        return true;
    }

    private void reachable(boolean now) {
        if (now && !reachable) {
            say("the API answers again" + (journal.size() == 0 ? "" : "; posting " + journal.size() + " enactments from the outage journal"));
        }
        reachable = now;
    }

    private void unreachable(OffloadException why) {
        if (reachable) {
            say(why.getMessage() + "; enforcing the last desired state, enactments kept in " + journal.file());
        }
        reachable = false;
    }

    private void say(String message) {
        synchronized (log) {
            log.println(java.time.Instant.now() + " offloadctl agent " + node + ": " + message);
            log.flush();
        }
    }
}
