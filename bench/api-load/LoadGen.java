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
import java.util.Map;
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
 * reports at full speed from CONCURRENCY clients, CHANGED_PERCENT of them with a changed configuration
 * (one feature flipped): WARMUP seconds unmeasured (the API's
 * JIT compiler is still busy for about a minute after start), then SECONDS seconds measured. Then
 * times what operators read: GET /api/v1/compliance over the whole fleet, a page of GET /api/v1/nodes
 * and GET /api/v1/findings. Progress every 10 s on stderr; the result as
 * one JSON object on stdout. With API_PID, also the CPU the API and the generator used while measured.
 * Reports go over one keep-alive connection per client ({@link KeepAliveConnection}) with bodies
 * rendered once per distinct content: the generator shares the API's cores, so it should cost little.
 *
 * With COUNTERS "moving" (the default) every report is what an agent sends: each interface's 24
 * counters (as /sys/class/net/IFACE/statistics has them, the shape of a doctor --save file) and the
 * namespace's TCP and UDP counters advance on every report, so no two reports of a node are
 * byte-identical; "identical" sends the same bytes again (the API's byte-identical fast path).
 *
 * With DB_PID (the database's postmaster), also the CPU the database and its backends used.
 *
 * java LoadGen.java URL TOKEN NODES IFACES WARMUP SECONDS CONCURRENCY CHANGED_PERCENT [API_PID [COUNTERS [DB_PID]]]
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

    record Sustained(long[] latencies, long changed, int errors, double seconds, double apiCores, double generatorCores,
                     double databaseCores) {
    }

    static long dbPid = -1;

    /** CPU of a process and its children (the database's backends), from /proc; 0 without one. */
    static long treeCpuNanos(long pid) throws IOException {
        if (pid < 0) {
            return 0;
        }
        long total = cpuNanos(pid);
        Path tasks = Path.of("/proc/" + pid + "/task");
        if (!Files.isDirectory(tasks)) {
            return total;
        }
        try (var each = Files.list(tasks)) {
            for (Path task : each.toList()) {
                Path children = task.resolve("children");
                if (Files.exists(children)) {
                    for (String child : Files.readString(children).trim().split("\\s+")) {
                        if (!child.isEmpty()) {
                            total += treeCpuNanos(Long.parseLong(child));
                        }
                    }
                }
            }
        }
        return total;
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
        boolean moving = args.length <= 9 || !args[9].equals("identical");
        dbPid = args.length > 10 ? Long.parseLong(args[10]) : -1;

        LoadGen fleet = new LoadGen(URI.create(url), token, nodes, ifaces, concurrency, changedPercent, moving);
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
        // What operators read of the fleet: its compliance, a page of nodes from the middle, the findings.
        Map<String, String> paths = new java.util.LinkedHashMap<>();
        paths.put("compliance", "/api/v1/compliance");
        paths.put("nodes", "/api/v1/nodes?size=50&page=" + (nodes / 100));
        paths.put("findings", "/api/v1/findings");
        StringBuilder reads = new StringBuilder("{");
        for (Map.Entry<String, String> path : paths.entrySet()) {
            List<String> ms = new ArrayList<>();
            long bytes = 0;
            for (int k = 0; k < 3; k++) {
                long t0 = System.nanoTime();
                HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(url + path.getValue()))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
                ms.add(String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e6));
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET " + path.getValue() + ": HTTP " + response.statusCode());
                }
                bytes = response.body().length;
            }
            reads.append(reads.length() > 1 ? ", " : "").append('"').append(path.getKey()).append("\": {\"path\": \"")
                    .append(path.getValue()).append("\", \"ms\": ").append(ms).append(", \"bytes\": ").append(bytes).append('}');
        }
        reads.append('}');

        System.out.printf(Locale.ROOT, "{\"counters\": \"%s\", \"nodes\": %d, \"interfaces\": %d, \"reportBytes\": %d, \"createSeconds\": %.1f, "
                        + "\"warmupSeconds\": %d, \"warmupReportsPerSecond\": %.0f, \"reports\": %d, \"changed\": %d, \"errors\": %d, \"seconds\": %.1f, "
                        + "\"reportsPerSecond\": %.0f, \"p50ms\": %.1f, \"p99ms\": %.1f, \"reads\": %s, "
                        + "\"apiCores\": %.2f, \"generatorCores\": %.2f, \"databaseCores\": %.2f}%n",
                moving ? "moving" : "identical", nodes, ifaces, fleet.reports.of(0, true, 1).length, createSeconds, warmup,
                warm.seconds() > 0 ? warm.latencies().length / warm.seconds() : 0, all.length, measured.changed(),
                measured.errors(), measured.seconds(), all.length / measured.seconds(), percentile(all, 0.50),
                percentile(all, 0.99), reads, measured.apiCores(), measured.generatorCores(), measured.databaseCores());
    }

    private final URI base;
    private final String headers;
    private final int nodes;
    private final int concurrency;
    private final double changedPercent;
    private final Reports reports;
    private final boolean[] groOn;
    /** Reports sent per node so far: the counters of its next report. */
    private final java.util.concurrent.atomic.AtomicLongArray cycles;
    private final boolean moving;

    LoadGen(URI base, String token, int nodes, int ifaces, int concurrency, double changedPercent, boolean moving) {
        this.base = base;
        this.headers = "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n";
        this.nodes = nodes;
        this.concurrency = concurrency;
        this.changedPercent = changedPercent;
        this.reports = new Reports(ifaces);
        this.groOn = new boolean[nodes];
        Arrays.fill(groOn, true);
        this.cycles = new java.util.concurrent.atomic.AtomicLongArray(nodes);
        this.moving = moving;
    }

    /** The body of node i's next report. */
    byte[] next(int i, boolean gro) {
        return reports.of(i, gro, moving ? cycles.incrementAndGet(i) : 0);
    }

    /** Every node reports once: the nodes are created. */
    void create() throws Exception {
        AtomicInteger next = new AtomicInteger();
        onClients(concurrency, () -> {
            try (KeepAliveConnection connection = new KeepAliveConnection(base)) {
                for (int i = next.getAndIncrement(); i < nodes; i = next.getAndIncrement()) {
                    int status = connection.send("PUT", path(i), headers, next(i, true));
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
        long dbCpuBefore = treeCpuNanos(dbPid);
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
                    status = connection.send("PUT", path(i), headers, next(i, groOn[i]));
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
                (cpuNanos(ProcessHandle.current().pid()) - ownCpuBefore) / 1e9 / elapsed, (treeCpuNanos(dbPid) - dbCpuBefore) / 1e9 / elapsed);
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

    /**
     * The report bodies: a report's configuration depends only on the node's rack label and rx-gro,
     * so it is rendered once per variant, in pieces around the counters, which are written per report.
     */
    static final class Reports {
        private final byte[][][] pieces = new byte[RACKS * 2][][];
        private final int ifaces;

        Reports(int ifaces) {
            this.ifaces = ifaces;
            for (int rack = 0; rack < RACKS; rack++) {
                pieces[rack * 2] = split(report(rack, ifaces, false));
                pieces[rack * 2 + 1] = split(report(rack, ifaces, true));
            }
        }

        private static byte[][] split(String template) {
            return Arrays.stream(template.split(SLOT, -1)).map(p -> p.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        }

        /** The report of a node in its {@code cycle}-th report: counters as a host's after that many cycles. */
        byte[] of(int node, boolean groOn, long cycle) {
            byte[][] parts = pieces[(node % RACKS) * 2 + (groOn ? 1 : 0)];
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(parts[0].length * 2);
            for (int p = 0; p < parts.length; p++) {
                out.writeBytes(parts[p]);
                if (p < ifaces) {
                    out.writeBytes(counters(node, p, cycle).getBytes(StandardCharsets.UTF_8));
                } else if (p == ifaces) {
                    out.writeBytes(("\"tcp\":{\"outSegments\":" + (1_000_000 + cycle * 2_400) + ",\"retransmittedSegments\":"
                            + (cycle / 8) + ",\"inChecksumErrors\":0},\"udp\":{\"inDatagrams\":" + (5_000 + cycle * 30)
                            + ",\"inChecksumErrors\":0}").getBytes(StandardCharsets.UTF_8));
                }
            }
            return out.toByteArray();
        }

        /** The 24 counters of /sys/class/net/IFACE/statistics, the traffic ones advancing with every cycle. */
        static String counters(int node, int iface, long cycle) {
            long packets = 1_000 + node + cycle * (1_200 + iface * 10);
            long bytes = packets * 1_350;
            return "{\"collisions\":0,\"multicast\":" + (cycle * 3) + ",\"rx_bytes\":" + bytes + ",\"rx_compressed\":0,"
                    + "\"rx_crc_errors\":0,\"rx_dropped\":" + (cycle / 16) + ",\"rx_errors\":0,\"rx_fifo_errors\":0,"
                    + "\"rx_frame_errors\":0,\"rx_length_errors\":0,\"rx_missed_errors\":0,\"rx_nohandler\":0,"
                    + "\"rx_over_errors\":0,\"rx_packets\":" + packets + ",\"tx_aborted_errors\":0,\"tx_bytes\":" + (bytes / 2)
                    + ",\"tx_carrier_errors\":0,\"tx_compressed\":0,\"tx_dropped\":0,\"tx_errors\":0,\"tx_fifo_errors\":0,"
                    + "\"tx_heartbeat_errors\":0,\"tx_packets\":" + (packets * 2 / 3) + ",\"tx_window_errors\":0}";
        }
    }

    static final int RACKS = 50;
    /** Where counters go in a rendered template: one per interface, then the node's TCP and UDP counters. */
    static final String SLOT = "\u0000";

    static String report(int node, int ifaces, boolean groOn) {
        StringBuilder json = new StringBuilder(24_000);
        json.append("{\"labels\":{\"rack\":\"r").append(node % RACKS).append("\",\"role\":\"hypervisor\"},\"kernel\":\"6.18.0\",")
                .append("\"agentVersion\":\"0.1.0\",\"ipForwarding\":false,\"interfaces\":[");
        for (int f = 0; f < ifaces; f++) {
            json.append(f == 0 ? "" : ",").append("{\"name\":\"eno").append(f + 1).append("\",\"kind\":\"physical\",")
                    .append("\"driver\":\"bnxt_en\",\"driverVersion\":\"1.10.3\",\"firmwareVersion\":\"227.0.131.0\",")
                    .append("\"busInfo\":\"0000:3b:00.").append(f).append("\",\"mtu\":1500,\"speedMbps\":100000,\"master\":\"br0\",")
                    .append("\"counters\":").append(SLOT).append(",\"features\":{");
            for (int k = 0; k < FEATURES.length; k++) {
                boolean active = FEATURES[k].equals("rx-gro") ? groOn : (k % 3 != 0);
                boolean fixed = k % 5 == 0;
                json.append(k == 0 ? "" : ",").append('"').append(FEATURES[k]).append("\":{\"active\":").append(active)
                        .append(",\"requested\":").append(active).append(",\"changeable\":").append(!fixed)
                        .append(",\"fixed\":").append(fixed).append('}');
            }
            json.append("}}");
        }
        return json.append("],").append(SLOT).append("}").toString();
    }

    static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }
}
