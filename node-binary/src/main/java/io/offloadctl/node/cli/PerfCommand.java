package io.offloadctl.node.cli;

import io.offloadctl.model.diagnose.Rates;
import io.offloadctl.node.perf.PeerAddress;
import io.offloadctl.node.perf.PerfClient;
import io.offloadctl.node.perf.PerfResult;
import io.offloadctl.node.perf.PerfServer;
import io.offloadctl.node.perf.PerfSockets;
import io.offloadctl.node.output.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code offloadctl perf server|client}: a TCP throughput test built in, for hosts that have nothing else. */
@Command(name = "perf", mixinStandardHelpOptions = true,
        description = "A built-in TCP throughput test (like iperf3, but its own protocol): run 'perf server' on one host "
                + "and 'perf client HOST' on the other.",
        subcommands = {PerfCommand.Server.class, PerfCommand.Client.class})
final class PerfCommand {

    static final int DEFAULT_PORT = 5210;

    @Command(name = "server", mixinStandardHelpOptions = true,
            description = "Accept perf clients until stopped (Ctrl-C, SIGTERM); one line per finished stream.")
    static final class Server extends NamespacedCommand implements Callable<Integer> {

        @Option(names = "--port", defaultValue = "" + DEFAULT_PORT, description = "TCP port (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--bind", defaultValue = "0.0.0.0", paramLabel = "ADDRESS",
                description = "IPv4 address to listen on (default: ${DEFAULT-VALUE}).")
        String bind;

        @Override
        public Integer call() {
            try (PerfServer server = new PerfServer(PerfSockets.in(namespace()), PeerAddress.ipv4(bind), port, log -> {
                synchronized (this) {
                    if (json()) {
                        out().print(Json.writeLine(log));
                    } else if (log.error() != null) {
                        out().println("stream failed: " + log.error());
                    } else {
                        out().printf(Locale.ROOT, "%s %.2f s %d bytes %s%s%n", log.direction(), log.seconds(), log.bytes(),
                                Rates.bits(log.bitsPerSecond()),
                                log.retransmissions() == null ? "" : " retransmits " + log.retransmissions());
                    }
                    out().flush();
                }
            })) {
                err().printf("offloadctl perf server listening on %s:%d%n", bind, port);
                err().flush();
                server.serve();
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "client", mixinStandardHelpOptions = true,
            description = {"Measure TCP throughput to a perf server: this side sends (or receives, with --reverse) for "
                    + "the duration; the rate is what the receiving side took in.",
                    "Retransmissions are read from the sender's TCP_INFO (shown when this side sends); CPU is this process's."})
    static final class Client extends NamespacedCommand implements Callable<Integer> {

        @Parameters(paramLabel = "HOST", description = "The perf server (IPv4 address or name).")
        String host;

        @Option(names = "--port", defaultValue = "" + DEFAULT_PORT, description = "TCP port (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--streams", defaultValue = "1", description = "Parallel TCP streams (default: ${DEFAULT-VALUE}).")
        int streams;

        @Option(names = "--duration", defaultValue = "10s", converter = DurationConverter.class,
                description = "How long to measure (default: ${DEFAULT-VALUE}).")
        Duration duration;

        @Option(names = "--reverse", description = "The server sends, this side receives.")
        boolean reverse;

        @Override
        public Integer call() {
            PerfResult result = measure(this, host, port, streams, duration, reverse);
            if (json()) {
                out().print(Json.write(result));
            } else {
                out().println(PerfCommand.summary(result));
            }
            out().flush();
            return ExitCodes.OK;
        }
    }

    /** Runs a client measurement, showing progress on standard error. Shared with verify. */
    static PerfResult measure(NamespacedCommand command, String host, int port, int streams, Duration duration, boolean reverse) {
        PerfClient client = new PerfClient(PerfSockets.in(command.namespace()));
        int[] second = {0};
        return client.run(host, PeerAddress.ipv4(host), port, streams, duration, reverse, rate -> {
            command.err().printf(Locale.ROOT, "  %3d s  %s%n", ++second[0], Rates.bits(rate));
            command.err().flush();
        });
    }

    static String summary(PerfResult r) {
        return String.format(Locale.ROOT, "%s %s:%d  %d stream%s  %.2f s  %d bytes  %s%s%s", r.direction(), r.peer(), r.port(),
                r.streams(), r.streams() == 1 ? "" : "s", r.seconds(), r.bytes(), Rates.bits(r.bitsPerSecond()),
                r.retransmissions() == null ? "" : "  retransmits " + r.retransmissions(),
                r.cpuPercent() == null ? "" : String.format(Locale.ROOT, "  cpu %.1f%%", r.cpuPercent()));
    }
}
