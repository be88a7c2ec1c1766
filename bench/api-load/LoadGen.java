import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Simulates a fleet reporting to the offloadctl API: NODES nodes with IFACES interfaces each (every
 * kernel feature of Linux 6.18 per interface), first one report each (the nodes are created), then
 * reports at full speed from CONCURRENCY clients, CHANGED_PERCENT of them changed (one feature
 * flipped), the rest identical to the node's previous report: WARMUP seconds unmeasured (the API's
 * JIT compiler is still busy for about a minute after start), then SECONDS seconds measured. Then
 * times GET /api/v1/compliance over the whole fleet. Progress every 10 s on stderr; the result as
 * one JSON object on stdout. With API_PID, also the CPU the API and the generator used while measured.
 * Reports go over one keep-alive connection per client ({@link KeepAliveConnection}) with bodies
 * rendered once per distinct content: the generator shares the API's cores, so it should cost little.
 *
 * java LoadGen.java URL TOKEN NODES IFACES WARMUP SECONDS CONCURRENCY CHANGED_PERCENT [API_PID]
 */
public class LoadGen {

    static final String[] FEATURES = {"tx-scatter-gather", "tx-checksum-ipv4", "tx-checksum-ip-generic", "tx-checksum-ipv6",
            "highdma", "tx-scatter-gather-fraglist", "tx-vlan-hw-insert", "rx-vlan-hw-parse", "rx-vlan-filter", "vlan-challenged",
            "tx-generic-segmentation", "rx-gro", "rx-lro", "tx-tcp-segmentation", "tx-gso-robust", "tx-tcp-ecn-segmentation",
            "tx-tcp-mangleid-segmentation", "tx-tcp6-segmentation", "tx-fcoe-segmentation", "tx-gre-segmentation",
            "tx-gre-csum-segmentation", "tx-ipxip4-segmentation", "tx-ipxip6-segmentation", "tx-udp_tnl-segmentation",
            "tx-udp_tnl-csum-segmentation", "tx-gso-partial", "tx-tunnel-remcsum-segmentation", "tx-sctp-segmentation",
            "tx-esp-segmentation", "tx-udp-segmentation", "tx-gso-list", "tx-tcp-accecn-segmentation", "tx-checksum-fcoe-crc",
            "tx-checksum-sctp", "rx-ntuple-filter", "rx-hashing", "rx-checksum", "tx-nocache-copy", "loopback", "rx-fcs",
            "rx-all", "tx-vlan-stag-hw-insert", "rx-vlan-stag-hw-parse", "rx-vlan-stag-filter", "l2-fwd-offload",
            "hw-tc-offload", "esp-hw-offload", "esp-tx-csum-hw-offload", "rx-udp_tunnel-port-offload", "tls-hw-tx-offload",
            "tls-hw-rx-offload", "rx-gro-hw", "tls-hw-record", "rx-gro-list", "macsec-hw-offload", "rx-udp-gro-forwarding",
            "hsr-tag-ins-offload", "hsr-tag-rm-offload", "hsr-fwd-offload", "hsr-dup-offload"};

    record Sustained(long[] latencies, long changed, int errors, double seconds, double apiCores, double generatorCores) {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String token = args[1];
        int nodes = Integer.parseInt(args[2]);
        int ifaces = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        int concurrency = Integer.parseInt(args[6]);
        double changedPercent = Double.parseDouble(args[7]);
        long apiPid = args.length > 8 ? Long.parseLong(args[8]) : -1;

        LoadGen fleet = new LoadGen(URI.create(url), token, nodes, ifaces, concurrency, changedPercent);
        long start = System.nanoTime();
        fleet.create();
        double createSeconds = (System.nanoTime() - start) / 1e9;
        System.err.printf(Locale.ROOT, "created %d nodes in %.1f s; warming up for %d s%n", nodes, createSeconds, warmup);
        Sustained warm = fleet.sustain(warmup, apiPid);
        System.err.printf(Locale.ROOT, "measuring for %d s%n", seconds);
        Sustained measured = fleet.sustain(seconds, apiPid);
        long[] all = measured.latencies();

        // Fleet compliance.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        List<Double> complianceMs = new ArrayList<>();
        long complianceBytes = 0;
        for (int k = 0; k < 3; k++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/compliance"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
            complianceMs.add((System.nanoTime() - t0) / 1e6);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /api/v1/compliance: HTTP " + response.statusCode());
            }
            complianceBytes = response.body().length;
        }

        System.out.printf(Locale.ROOT, "{\"nodes\": %d, \"interfaces\": %d, \"reportBytes\": %d, \"createSeconds\": %.1f, "
                        + "\"warmupSeconds\": %d, \"warmupReportsPerSecond\": %.0f, \"reports\": %d, \"changed\": %d, \"errors\": %d, \"seconds\": %.1f, "
                        + "\"reportsPerSecond\": %.0f, \"p50ms\": %.1f, \"p99ms\": %.1f, \"complianceMs\": %s, "
                        + "\"complianceBytes\": %d, \"apiCores\": %.2f, \"generatorCores\": %.2f}%n",
                nodes, ifaces, report(0, ifaces, true).length(), createSeconds, warmup,
                warm.seconds() > 0 ? warm.latencies().length / warm.seconds() : 0, all.length, measured.changed(),
                measured.errors(), measured.seconds(), all.length / measured.seconds(), percentile(all, 0.50),
                percentile(all, 0.99), complianceMs, complianceBytes, measured.apiCores(), measured.generatorCores());
    }

    private final URI base;
    private final String headers;
    private final int nodes;
    private final int concurrency;
    private final double changedPercent;
    private final Reports reports;
    private final boolean[] groOn;

    LoadGen(URI base, String token, int nodes, int ifaces, int concurrency, double changedPercent) {
        this.base = base;
        this.headers = "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n";
        this.nodes = nodes;
        this.concurrency = concurrency;
        this.changedPercent = changedPercent;
        this.reports = new Reports(ifaces);
        this.groOn = new boolean[nodes];
        Arrays.fill(groOn, true);
    }

    /** Every node reports once: the nodes are created. */
    void create() throws Exception {
        AtomicInteger next = new AtomicInteger();
        onClients(concurrency, () -> {
            try (KeepAliveConnection connection = new KeepAliveConnection(base)) {
                for (int i = next.getAndIncrement(); i < nodes; i = next.getAndIncrement()) {
                    int status = connection.send("PUT", path(i), headers, reports.of(i, true));
                    if (status != 200 && status != 201) {
                        throw new IllegalStateException("creating node-" + i + ": HTTP " + status);
                    }
                }
            }
            return null;
        });
    }

    /** Reports at full speed for the given time, the nodes in turn, changedPercent of them changed. */
    Sustained sustain(int seconds, long apiPid) throws Exception {
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong changed = new AtomicLong();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong sent = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        long apiCpuBefore = cpuNanos(apiPid);
        long ownCpuBefore = cpuNanos(ProcessHandle.current().pid());
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(seconds).toNanos();
        Thread progress = Thread.ofPlatform().daemon().start(() -> printProgress(sent, start, deadline));
        onClients(concurrency, () -> {
            long[] mine = new long[1 << 20];
            int count = 0;
            KeepAliveConnection connection = new KeepAliveConnection(base);
            while (System.nanoTime() < deadline && count < mine.length) {
                int i = Math.floorMod(next.getAndIncrement(), nodes);
                if (Math.floorMod(i * 7919 + count, 10000) < changedPercent * 100) {
                    synchronized (groOn) {
                        groOn[i] = !groOn[i];
                    }
                    changed.incrementAndGet();
                }
                long t0 = System.nanoTime();
                int status;
                try {
                    status = connection.send("PUT", path(i), headers, reports.of(i, groOn[i]));
                } catch (IOException e) {
                    status = -1;
                    connection.close();
                    connection = new KeepAliveConnection(base);
                }
                mine[count++] = System.nanoTime() - t0;
                sent.incrementAndGet();
                if (status != 200 && status != 201) {
                    errors.incrementAndGet();
                }
            }
            connection.close();
            latencies.add(Arrays.copyOf(mine, count));
            return null;
        });
        progress.interrupt();
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Sustained(latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray(), changed.get(), errors.get(),
                elapsed, (cpuNanos(apiPid) - apiCpuBefore) / 1e9 / elapsed,
                (cpuNanos(ProcessHandle.current().pid()) - ownCpuBefore) / 1e9 / elapsed);
    }

    static void printProgress(AtomicLong sent, long start, long deadline) {
        long last = 0;
        try {
            while (System.nanoTime() < deadline) {
                Thread.sleep(10_000);
                long now = sent.get();
                System.err.printf(Locale.ROOT, "  %3.0f s: %d reports/s%n", (System.nanoTime() - start) / 1e9, (now - last) / 10);
                last = now;
            }
        } catch (InterruptedException e) {
            // measured time is over
        }
    }

    /** Runs CONCURRENCY copies of a client, each on its own thread, and fails if any of them failed. */
    static void onClients(int concurrency, Callable<Void> client) throws Exception {
        List<Future<Void>> clients = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            for (int w = 0; w < concurrency; w++) {
                clients.add(pool.submit(client));
            }
        }
        for (Future<Void> done : clients) {
            done.get();
        }
    }

    /** User plus system CPU time of a process so far, from /proc (0 when there is no such process). */
    static long cpuNanos(long pid) throws IOException {
        Path stat = Path.of("/proc/" + pid + "/stat");
        if (pid < 0 || !Files.exists(stat)) {
            return 0;
        }
        String text = Files.readString(stat);
        // utime and stime, fields 14 and 15 of proc(5), counted in USER_HZ ticks (100 per second on Linux).
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1_000_000_000L / 100;
    }

    static String path(int node) {
        return "/api/v1/nodes/node-" + node + "/state";
    }

    /** The report bodies, rendered once each: a report depends only on the node's rack label and rx-gro. */
    static final class Reports {
        private final byte[][] bodies = new byte[RACKS * 2][];

        Reports(int ifaces) {
            for (int rack = 0; rack < RACKS; rack++) {
                bodies[rack * 2] = report(rack, ifaces, false).getBytes(StandardCharsets.UTF_8);
                bodies[rack * 2 + 1] = report(rack, ifaces, true).getBytes(StandardCharsets.UTF_8);
            }
        }

        byte[] of(int node, boolean groOn) {
            return bodies[(node % RACKS) * 2 + (groOn ? 1 : 0)];
        }
    }

    static final int RACKS = 50;

    static String report(int node, int ifaces, boolean groOn) {
        StringBuilder json = new StringBuilder(24_000);
        json.append("{\"labels\":{\"rack\":\"r").append(node % RACKS).append("\",\"role\":\"hypervisor\"},\"kernel\":\"6.18.0\",")
                .append("\"agentVersion\":\"0.1.0\",\"interfaces\":[");
        for (int f = 0; f < ifaces; f++) {
            json.append(f == 0 ? "" : ",").append("{\"name\":\"eno").append(f + 1).append("\",\"kind\":\"physical\",")
                    .append("\"driver\":\"bnxt_en\",\"driverVersion\":\"1.10.3\",\"firmwareVersion\":\"227.0.131.0\",")
                    .append("\"busInfo\":\"0000:3b:00.").append(f).append("\",\"mtu\":1500,\"speedMbps\":100000,\"master\":\"br0\",")
                    .append("\"counters\":{\"rx_packets\":1000,\"rx_bytes\":1500000,\"rx_dropped\":0},\"features\":{");
            for (int k = 0; k < FEATURES.length; k++) {
                boolean active = FEATURES[k].equals("rx-gro") ? groOn : (k % 3 != 0);
                boolean fixed = k % 5 == 0;
                json.append(k == 0 ? "" : ",").append('"').append(FEATURES[k]).append("\":{\"active\":").append(active)
                        .append(",\"requested\":").append(active).append(",\"changeable\":").append(!fixed)
                        .append(",\"fixed\":").append(fixed).append('}');
            }
            json.append("}}");
        }
        return json.append("]}").toString();
    }

    static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }
}
