package io.offloadctl.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.offloadctl.api.json.StrictJson;
import io.offloadctl.api.node.ReportBody;
import io.offloadctl.model.report.NodeCounters;
import io.offloadctl.model.report.NodeReport;

/**
 * The streaming read of a report body that decides the hot path: its configuration hash moves with
 * everything but the counters, and its counters are what the full read makes of them.
 */
class ReportBodyTest {

    private static final ObjectMapper MAPPER = strict();
    private static final ReportBody.Parser PARSER = new ReportBody.Parser(MAPPER);

    private static ObjectMapper strict() {
        ObjectMapper mapper = JsonMapper.builder().findAndAddModules().build();
        new StrictJson().customize(mapper);
        return mapper;
    }

    /** A report in an agent's shape, lo first, with counters and features around them. */
    static String body(String name, long rx, long out, String gro) {
        return "{\"labels\":{\"rack\":\"r1\"},\"kernel\":\"6.8.0\",\"agentVersion\":\"0.1.0\",\"interfaces\":["
                + "{\"name\":\"lo\",\"kind\":\"loopback\",\"driver\":null,\"driverVersion\":null,\"firmwareVersion\":null,"
                + "\"busInfo\":null,\"mtu\":65536,\"speedMbps\":null,\"master\":null,\"counters\":{\"rx_packets\":" + rx
                + ",\"rx_bytes\":" + (rx * 60) + "},\"features\":{\"rx-gro\":{\"active\":true,\"requested\":true,\"changeable\":false,"
                + "\"fixed\":true}}},"
                + "{\"name\":" + MAPPER.valueToTree(name) + ",\"kind\":\"physical\",\"driver\":\"bnxt_en\",\"driverVersion\":\"1\","
                + "\"firmwareVersion\":\"\",\"busInfo\":\"\",\"mtu\":1500,\"speedMbps\":10000,\"master\":null,\"features\":{"
                + "\"rx-gro\":{\"active\":" + gro + ",\"requested\":" + gro + ",\"changeable\":true,\"fixed\":false}},"
                + "\"counters\":{ \"rx_packets\" : " + rx + ", \"rx_bytes\":" + (rx * 1400) + "},"
                + "\"driverStatistics\":{\"[*]: tpa_aborts\":" + (rx / 10) + ",\"tx_queue_dropped\": " + out + "}}],"
                + "\"ipForwarding\":true,\"tcp\":{\"outSegments\":" + out + ",\"retransmittedSegments\":0,\"inChecksumErrors\":0},"
                + "\"udp\":{\"inDatagrams\":" + (out / 2) + ",\"inChecksumErrors\":0}}";
    }

    static ReportBody read(String body) {
        return PARSER.read(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theConfigurationHashIgnoresCountersAndFollowsEverythingElse() {
        ReportBody first = read(body("eno1", 10, 100, "true"));
        ReportBody later = read(body("eno1", 9_000_000, 123_456_789, "true"));
        assertEquals(first.configHash(), later.configHash(), "only counters moved");
        assertNotEquals(first.configHash(), read(body("eno1", 10, 100, "false")).configHash(), "a feature changed");
        assertNotEquals(first.configHash(), read(body("eno2", 10, 100, "true")).configHash(), "an interface was renamed");
        assertNotEquals(first.configHash(), read(body("eno1", 10, 100, "true").replace("r1", "r2")).configHash(), "a label");
        assertNotEquals(first.configHash(), read(body("eno1", 10, 100, "true").replace("\"ipForwarding\":true",
                "\"ipForwarding\":false")).configHash(), "a node-wide fact");
        assertEquals(List.of("eno1"), first.interfaces(), "loopback is not diagnosed");
    }

    @Test
    void theCountersAreWhatTheFullReadMakesOfThem() throws Exception {
        for (String name : List.of("eno1", "a;b", "$(reboot)", "x\"y", "\\u00e9")) {
            String text = body(name, 77, 5_000, "true");
            NodeReport full = MAPPER.readValue(text, NodeReport.class);
            ReportBody streamed = read(text);
            assertEquals(NodeCounters.of(full), streamed.counters(), name);
            assertEquals(MAPPER.readValue(MAPPER.writeValueAsString(streamed.counters()), NodeCounters.class), streamed.counters());
        }
    }

    @Test
    void countersThatDoNotReadLeaveTheReportToTheFullRead() {
        String good = body("eno1", 10, 100, "true");
        for (String bad : List.of(good.replace("\"rx_packets\" : 10", "\"rx_packets\" : \"10\""),
                good.replace("\"rx_packets\" : 10", "\"rx_packets\" : 10.5"),
                good.replace("\"rx_packets\" : 10", "\"rx_packets\" : null"),
                good.replace("\"rx_packets\" : 10,", "\"rx_packets\" : 10, \"rx_packets\" : 11,"),
                good.replace("\"retransmittedSegments\":0", "\"retransmitedSegments\":0"),
                good.replace("\"tcp\":{", "\"tcp\":[{").replace(",\"inChecksumErrors\":0},\"udp\"", ",\"inChecksumErrors\":0}],\"udp\""))) {
            ReportBody read = read(bad);
            if (read != null) {
                assertNull(read.counters(), bad);
            }
        }
        assertNull(read(good + " {}"), "something after the document");
        assertNull(read("[" + good + "]"), "no object");
        assertNull(read(good.substring(0, good.length() - 3)), "cut short");
        assertNull(read("null"));
        assertNotNull(read(good.replace("\"udp\":{\"inDatagrams\":50,\"inChecksumErrors\":0}", "\"udp\":null")).counters());
    }

    @Test
    void aReportWithoutCountersHasEmptyOnes() {
        ReportBody read = read("{\"labels\":{},\"interfaces\":[{\"name\":\"eth0\",\"kind\":\"veth\",\"mtu\":1500,\"features\":{}}]}");
        assertEquals(new NodeCounters(Map.of("eth0", Map.of()), null, null), read.counters());
    }

    @Test
    void theStoredCountersAreTheReportsOwnBytesAndReadBack() throws Exception {
        for (String name : List.of("eno1", "a;b", "x\"y", "\\u00e9")) {
            ReportBody read = read(body(name, 42, 7, "true"));
            assertEquals(read.counters(), MAPPER.readValue(read.countersJson(), NodeCounters.class), read.countersJson());
            assertEquals(read.counters(), PARSER.stored(read.countersJson()).orElseThrow(), "read back by the pass");
            String written = MAPPER.writeValueAsString(read.counters());
            assertEquals(read.counters(), PARSER.stored(written).orElseThrow(), "as the full way writes them: " + written);
        }
    }

    /**
     * The hot path trusts a body whose configuration hash is a stored one's. Seeded random edits of
     * a valid body (a byte replaced, dropped or added anywhere): whenever the edited body still gives
     * the original's hash with readable counters, it must be a valid report with the original's
     * configuration.
     */
    @Test
    void noEditedBodyPassesForTheStoredConfigurationUnlessItIsIt() throws Exception {
        String original = body("eno1", 123_456, 9_876, "true");
        byte[] bytes = original.getBytes(StandardCharsets.UTF_8);
        String hash = PARSER.read(bytes).configHash();
        NodeReport configuration = MAPPER.readValue(bytes, NodeReport.class).withoutCounters();
        byte[] alphabet = "{}[]\",:0123456789 \\tnulrsefa\u0000\n".getBytes(StandardCharsets.UTF_8);
        int same = 0;
        for (long seed = 1; seed <= 3; seed++) {
            java.util.Random random = new java.util.Random(seed);
            for (int round = 0; round < 20_000; round++) {
                byte[] edited = edit(bytes, random, alphabet);
                ReportBody read = PARSER.read(edited);
                if (read == null || read.counters() == null || !read.configHash().equals(hash)) {
                    continue;
                }
                same++;
                NodeReport full = MAPPER.readValue(edited, NodeReport.class);
                assertEquals(configuration, full.withoutCounters(), new String(edited, StandardCharsets.UTF_8));
                assertEquals(NodeCounters.of(full), read.counters());
            }
        }
        assertTrue(same > 100, "edits inside the counters keep the configuration (" + same + ")");
    }

    private static byte[] edit(byte[] body, java.util.Random random, byte[] alphabet) {
        int at = random.nextInt(body.length);
        byte with = alphabet[random.nextInt(alphabet.length)];
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        switch (random.nextInt(3)) {
            case 0 -> {
                out.write(body, 0, at);
                out.write(with);
                out.write(body, at + 1, body.length - at - 1);
            }
            case 1 -> {
                out.write(body, 0, at);
                out.write(body, at + 1, body.length - at - 1);
            }
            default -> {
                out.write(body, 0, at);
                out.write(with);
                out.write(body, at, body.length - at);
            }
        }
        return out.toByteArray();
    }

    /** Counter values and keys read here exactly as the strict mapper reads them, or not at all. */
    @Test
    void counterValuesReadAsTheMapperReadsThem() {
        String good = body("eno1", 10, 100, "true");
        for (String value : List.of("0", "-0", "01", "1e3", "1.0", "9223372036854775807", "9223372036854775808",
                "-9223372036854775808", "-9223372036854775809", "99999999999999999999", "true", "\"5\"", "[]", "{}", "-", "2 ")) {
            for (String key : List.of("\"rx_packets\"", "\"\\u0072x_packets\"")) {
                String text = good.replace("\"rx_packets\" : 10", key + " : " + value);
                NodeCounters full;
                try {
                    full = NodeCounters.of(MAPPER.readValue(text, NodeReport.class));
                } catch (Exception e) {
                    full = null;
                }
                ReportBody read = read(text);
                assertEquals(full, read == null ? null : read.counters(), key + ": " + value);
            }
        }
    }
}
