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

    /** The probes made before a change (the same ones are made after it) and what they found. */
    record Round(List<Probe> probes, List<ProbeResult> results) {
    }

    /** Every probe once, before a change: results with {@code after} null. */
    Round before() {
        List<Probe> probes = probes();
        List<Optional<String>> failures = run(probes);
        List<ProbeResult> results = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            results.add(new ProbeResult(probes.get(i).name(), probes.get(i).target(), failures.get(i).isEmpty(), null,
                    failures.get(i).orElse(null)));
        }
        return new Round(probes, results);
    }

    /** The same probes again, after the change. */
    List<ProbeResult> after(Round before) {
        List<Optional<String>> failures = run(before.probes());
        List<ProbeResult> results = new ArrayList<>();
        for (int i = 0; i < before.probes().size(); i++) {
            ProbeResult earlier = before.results().get(i);
            Optional<String> failure = failures.get(i);
            results.add(new ProbeResult(earlier.name(), earlier.target(), earlier.before(), failure.isEmpty(),
                    failure.orElse(earlier.message())));
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

    /** Each probe's failure, if any, in the probes' order; they run side by side. */
    private static List<Optional<String>> run(List<Probe> probes) {
        List<CompletableFuture<Optional<String>>> running = probes.stream()
                .map(probe -> CompletableFuture.supplyAsync(probe.attempt(), command -> Thread.ofVirtual().start(command))).toList();
        return running.stream().map(CompletableFuture::join).toList();
    }
}
