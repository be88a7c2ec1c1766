package io.offloadctl.node.agent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.offloadctl.model.report.ProbeResult;
import io.offloadctl.node.kernel.DefaultGateway;
import io.offloadctl.node.kernel.NetworkNamespace;

/**
 * The probes around a change, after kubernetes-nmstate's: the default gateway answers an ICMP echo
 * from the node's namespace, the API accepts a TCP connection, every --probe target accepts one
 * (the TCP probes from the agent's own namespace). Each has its timeout; they run side by side.
 * They are made before the change and after it: only a probe that answered before and not after
 * says the change broke something (one that failed before cannot roll a change back).
 */
final class Probes {

    private record Probe(String name, String target, Supplier<Optional<String>> attempt) {
    }

    private final NetworkNamespace namespace;
    private final Optional<InetSocketAddress> api;
    private final List<InetSocketAddress> targets;
    private final Duration timeout;

    Probes(NetworkNamespace namespace, Optional<InetSocketAddress> api, List<InetSocketAddress> targets, Duration timeout) {
        this.namespace = namespace;
        this.api = api;
        this.targets = List.copyOf(targets);
        this.timeout = timeout;
    }

    /** Every probe once, before a change: results with {@code after} null. */
    List<ProbeResult> before() {
        return run(probes()).stream().map(r -> new ProbeResult(r.name(), r.target(), r.message() == null, null, r.message())).toList();
    }

    /** The same probes again, after the change. */
    List<ProbeResult> after(List<ProbeResult> before) {
        List<Probe> probes = new ArrayList<>();
        for (ProbeResult earlier : before) {
            probes().stream().filter(p -> p.name().equals(earlier.name()) && p.target().equals(earlier.target()))
                    .findFirst().ifPresent(probes::add);
        }
        List<ProbeResult> now = run(probes);
        List<ProbeResult> results = new ArrayList<>();
        for (ProbeResult earlier : before) {
            ProbeResult later = now.stream().filter(r -> r.name().equals(earlier.name()) && r.target().equals(earlier.target()))
                    .findFirst().orElse(null);
            boolean answered = later != null && later.message() == null;
            results.add(new ProbeResult(earlier.name(), earlier.target(), earlier.before(), answered,
                    answered ? earlier.message() : later == null ? "gone after the change" : later.message()));
        }
        return results;
    }

    /** The first probe that the change broke, as a sentence. */
    static Optional<String> broken(List<ProbeResult> results) {
        return results.stream().filter(ProbeResult::brokeByChange).findFirst()
                .map(r -> "the " + r.name() + " probe of " + r.target() + " failed after the change (" + r.message() + ")");
    }

    private List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        DefaultGateway.find(namespace).ifPresent(gateway -> probes.add(new Probe("gateway", DefaultGateway.text(gateway), () -> {
            try {
                return DefaultGateway.answers(namespace, gateway, timeout) ? Optional.empty()
                        : Optional.of("no echo reply within " + timeout.toMillis() + " ms");
            } catch (RuntimeException e) {
                return Optional.of(e.getMessage());
            }
        })));
        api.ifPresent(address -> probes.add(tcp("api", address)));
        targets.forEach(address -> probes.add(tcp("tcp", address)));
        return probes;
    }

    private Probe tcp(String name, InetSocketAddress address) {
        return new Probe(name, address.getHostString() + ":" + address.getPort(), () -> {
            try (Socket socket = new Socket()) {
                socket.connect(address, (int) timeout.toMillis());
                return Optional.empty();
            } catch (IOException e) {
                return Optional.of(e.getMessage() == null ? e.toString() : e.getMessage());
            }
        });
    }

    /** Results with {@code before} unset (true) and the failure message, if any, in {@code message}. */
    private static List<ProbeResult> run(List<Probe> probes) {
        List<CompletableFuture<ProbeResult>> running = probes.stream().map(probe -> CompletableFuture.supplyAsync(() -> {
            Optional<String> failure = probe.attempt().get();
            return new ProbeResult(probe.name(), probe.target(), true, null, failure.orElse(null));
        }, command -> Thread.ofVirtual().start(command))).toList();
        return running.stream().map(CompletableFuture::join).toList();
    }
}
