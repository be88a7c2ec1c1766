import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Simulates a fleet reporting to the offloadctl API: NODES nodes with IFACES interfaces each (every
 * kernel feature of Linux 6.18 per interface), first one report each (the nodes are created), then
 * for SECONDS seconds reports at full speed from CONCURRENCY clients, CHANGED_PERCENT of them
 * changed (one feature flipped), the rest identical to the node's previous report. Then times
 * GET /api/v1/compliance over the whole fleet. Prints one JSON object.
 *
 * java LoadGen.java URL TOKEN NODES IFACES SECONDS CONCURRENCY CHANGED_PERCENT
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

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String token = args[1];
        int nodes = Integer.parseInt(args[2]);
        int ifaces = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int concurrency = Integer.parseInt(args[5]);
        double changedPercent = Double.parseDouble(args[6]);

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        boolean[] groOn = new boolean[nodes];
        Arrays.fill(groOn, true);

        // Phase 1: every node reports once (created).
        long start = System.nanoTime();
        run(concurrency, nodes, i -> put(client, url, token, i, report(i, ifaces, groOn[i])), null);
        double createSeconds = (System.nanoTime() - start) / 1e9;

        // Phase 2: sustained reports for the given time.
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong changed = new AtomicLong();
        AtomicInteger errors = new AtomicInteger();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicInteger next = new AtomicInteger();
        start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                pool.submit(() -> {
                    long[] mine = new long[1 << 20];
                    int count = 0;
                    while (System.nanoTime() < deadline && count < mine.length) {
                        int i = Math.floorMod(next.getAndIncrement(), nodes);
                        boolean change = (Math.floorMod(i * 7919 + count, 10000)) < changedPercent * 100;
                        if (change) {
                            synchronized (groOn) {
                                groOn[i] = !groOn[i];
                            }
                            changed.incrementAndGet();
                        }
                        long t0 = System.nanoTime();
                        int status = put(client, url, token, i, report(i, ifaces, groOn[i]));
                        mine[count++] = System.nanoTime() - t0;
                        if (status != 200 && status != 201) {
                            errors.incrementAndGet();
                        }
                    }
                    latencies.add(Arrays.copyOf(mine, count));
                    return null;
                });
            }
        }
        double sustainSeconds = (System.nanoTime() - start) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();

        // Phase 3: fleet compliance.
        List<Double> complianceMs = new ArrayList<>();
        long complianceBytes = 0;
        for (int k = 0; k < 3; k++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/compliance"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
            complianceMs.add((System.nanoTime() - t0) / 1e6);
            complianceBytes = response.body().length;
        }

        System.out.printf(Locale.ROOT, "{\"nodes\": %d, \"interfaces\": %d, \"reportBytes\": %d, \"createSeconds\": %.1f, "
                        + "\"reports\": %d, \"changed\": %d, \"errors\": %d, \"seconds\": %.1f, \"reportsPerSecond\": %.0f, "
                        + "\"p50ms\": %.1f, \"p99ms\": %.1f, \"complianceMs\": %s, \"complianceBytes\": %d}%n",
                nodes, ifaces, report(0, ifaces, true).length(), createSeconds, all.length, changed.get(), errors.get(),
                sustainSeconds, all.length / sustainSeconds, percentile(all, 0.50), percentile(all, 0.99), complianceMs,
                complianceBytes);
    }

    interface Task {
        void run(int i) throws Exception;
    }

    static void run(int concurrency, int count, Task task, Object unused) throws Exception {
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        task.run(i);
                    }
                    return null;
                });
            }
        }
    }

    static int put(HttpClient client, String url, String token, int node, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/nodes/node-" + node + "/state"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String report(int node, int ifaces, boolean groOn) {
        StringBuilder json = new StringBuilder(24_000);
        json.append("{\"labels\":{\"rack\":\"r").append(node % 50).append("\",\"role\":\"hypervisor\"},\"kernel\":\"6.18.0\",")
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
