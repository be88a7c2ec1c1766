package io.offloadctl.api.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.offloadctl.model.InterfaceKind;
import io.offloadctl.model.report.NodeCounters;
import io.offloadctl.model.report.TcpCounters;
import io.offloadctl.model.report.UdpCounters;

/**
 * What the API reads of a report's bytes before deciding anything, without building the report:
 * the hash of its configuration and its counters. One pass over the bytes finds the counters'
 * values (each interface's {@code counters} and {@code driverStatistics}, the node's {@code tcp} and {@code udp}); the
 * configuration hash is SHA-256 over every other byte, with a NUL (a byte no JSON text holds) where
 * each value was cut out; the values themselves are read by the API's own strict mapper.
 *
 * <p>Why that is enough: a report whose hash is the stored one consists of the stored report's
 * bytes outside its counters (the NULs fix where each cut was), which were validated in full when
 * they were stored, around counter values that are each one valid value of their type. So it is a
 * valid report, equal to the stored one but for its counters. The pass itself validates nothing
 * else: anything it does not expect makes it give up, and the report goes the full way.
 *
 * @param counters     the counters; null when they do not read (the full validation says why)
 * @param countersJson the counters as stored ({@link NodeCounters} JSON), made of the report's own
 *                     bytes; null with {@code counters}
 * @param interfaces   the names of the interfaces the symptom rules look at (all but loopback)
 */
public record ReportBody(String configHash, NodeCounters counters, String countersJson, List<String> interfaces) {

    /** Reads report bodies, with a mapper's (strict) deserializers for the counters. */
    public static final class Parser {
        private final ObjectReader tcp;
        private final ObjectReader udp;
        private final ObjectReader text;

        public Parser(ObjectMapper mapper) {
            this.tcp = mapper.readerFor(TcpCounters.class);
            this.udp = mapper.readerFor(UdpCounters.class);
            this.text = mapper.readerFor(String.class);
        }

        /**
         * Counters as {@link ReportSamples} stored them ({@link NodeCounters} JSON, which is what
         * {@link ReportBody#countersJson} is), read by the same pass; empty when they are of another shape.
         */
        public java.util.Optional<NodeCounters> stored(String json) {
            try {
                return java.util.Optional.ofNullable(new Scan(json.getBytes(StandardCharsets.UTF_8), this).stored());
            } catch (Unexpected | ArrayIndexOutOfBoundsException e) {
                return java.util.Optional.empty();
            }
        }

        /** The body read; null when it is not a report as agents send them (the full way decides). */
        public ReportBody read(byte[] body) {
            try {
                return new Scan(body, this).report();
            } catch (Unexpected | ArrayIndexOutOfBoundsException e) {
                // Cut short, or not the shape of a report: nothing here says which; the full read will.
                return null;
            }
        }
    }

    private static final byte[] TCP = ascii("tcp");
    private static final byte[] UDP = ascii("udp");
    private static final byte[] INTERFACES = ascii("interfaces");
    private static final byte[] NAME = ascii("name");
    private static final byte[] KIND = ascii("kind");
    private static final byte[] COUNTERS = ascii("counters");
    private static final byte[] DRIVER_STATISTICS = ascii("driverStatistics");
    private static final byte[] LOOPBACK = ascii("\"" + InterfaceKind.loopback.name() + "\"");

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The body is not what the pass expects. */
    private static final class Unexpected extends Exception {
        Unexpected() {
            super(null, null, false, false);
        }
    }

    /** One pass: structure and strings are followed, values other than the counters skipped. */
    private static final class Scan {
        private final byte[] b;
        private final Parser readers;
        private final MessageDigest digest;
        private int at;
        private int hashedUpTo;
        /** Where the last key read ends (past its closing quote). */
        private int keyEnd;
        private boolean countersRead = true;
        private final Map<String, Map<String, Long>> interfaces = new TreeMap<>();
        private final Map<String, Map<String, Long>> statistics = new TreeMap<>();
        private final StringBuilder json = new StringBuilder("{\"interfaces\":{");
        private final StringBuilder statisticsJson = new StringBuilder();
        private final List<String> diagnosed = new ArrayList<>();
        private TcpCounters tcp;
        private UdpCounters udp;
        private String tcpJson = "null";
        private String udpJson = "null";

        Scan(byte[] body, Parser readers) {
            this.b = body;
            this.readers = readers;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        ReportBody report() throws Unexpected {
            members(key -> {
                if (!nodeCounters(key)) {
                    if (is(key, INTERFACES)) {
                        interfaces();
                    } else {
                        skipValue();
                    }
                }
            });
            skipSpace();
            if (at != b.length) {
                throw new Unexpected();
            }
            digest.update(b, hashedUpTo, b.length - hashedUpTo);
            String hash = HexFormat.of().formatHex(digest.digest());
            if (!countersRead) {
                return new ReportBody(hash, null, null, List.copyOf(diagnosed));
            }
            json.append("},\"tcp\":").append(tcpJson).append(",\"udp\":").append(udpJson)
                    .append(",\"driverStatistics\":{").append(statisticsJson).append("}}");
            return new ReportBody(hash, new NodeCounters(interfaces, tcp, udp, statistics), json.toString(), List.copyOf(diagnosed));
        }

        /** {"interfaces": {NAME: COUNTERS, ...}, "tcp": ..., "udp": ...}; null when it is not that. */
        NodeCounters stored() throws Unexpected {
            members(key -> {
                if (nodeCounters(key)) {
                    return;
                }
                boolean driver = is(key, DRIVER_STATISTICS);
                if (!driver && !is(key, INTERFACES)) {
                    throw new Unexpected();
                }
                Map<String, Map<String, Long>> into = driver ? statistics : interfaces;
                members(name -> {
                    String decoded = decode(name, keyEnd);
                    if (decoded == null || into.put(decoded, counters(at)) != null) {
                        throw new Unexpected();
                    }
                });
            });
            skipSpace();
            statistics.values().removeIf(Map::isEmpty);
            return countersRead && at == b.length ? new NodeCounters(interfaces, tcp, udp, statistics) : null;
        }

        /** One member of an object, its key at {@code key}; the parser is on its value and must pass it. */
        @FunctionalInterface
        private interface Member {
            void read(int key) throws Unexpected;
        }

        /** An object, its members read one by one. */
        private void members(Member member) throws Unexpected {
            expect('{');
            if (!close('}')) {
                do {
                    int key = key();
                    space();
                    member.read(key);
                } while (next('}'));
            }
        }

        /** The node's tcp or udp counters, read and cut out; false for any other key. */
        private boolean nodeCounters(int key) throws Unexpected {
            int start = at;
            if (is(key, TCP)) {
                tcp = cutOut(readers.tcp, start);
                tcpJson = slice(start);
            } else if (is(key, UDP)) {
                udp = cutOut(readers.udp, start);
                udpJson = slice(start);
            } else {
                return false;
            }
            return true;
        }

        /** What one interface's object says of it. */
        private static final class Interface {
            int name = -1;
            int nameEnd = -1;
            boolean loopback;
            Map<String, Long> counters = Map.of();
            String countersJson = "{}";
            Map<String, Long> statistics = Map.of();
            String statisticsJson = "{}";
        }

        private void interfaces() throws Unexpected {
            if (b[at] != '[') {
                skipValue();
                countersRead = false;
                return;
            }
            at++;
            if (close(']')) {
                return;
            }
            do {
                space();
                if (b[at] != '{') {
                    skipValue();
                    countersRead = false;
                    continue;
                }
                Interface iface = new Interface();
                members(key -> {
                    int start = at;
                    if (is(key, COUNTERS)) {
                        iface.counters = counters(start);
                        iface.countersJson = iface.counters.isEmpty() ? "{}" : slice(start);
                        return;
                    }
                    if (is(key, DRIVER_STATISTICS)) {
                        iface.statistics = counters(start);
                        iface.statisticsJson = iface.statistics.isEmpty() ? "{}" : slice(start);
                        return;
                    }
                    skipValue();
                    if (is(key, NAME)) {
                        iface.name = start;
                        iface.nameEnd = at;
                    } else if (is(key, KIND)) {
                        iface.loopback = java.util.Arrays.equals(b, start, at, LOOPBACK, 0, LOOPBACK.length);
                    }
                });
                String decoded = iface.name < 0 ? null : decode(iface.name, iface.nameEnd);
                if (decoded == null || interfaces.put(decoded, iface.counters) != null) {
                    countersRead = false;
                    continue;
                }
                // The name as the report wrote it is a JSON string already: it is the key as it is.
                String key = new String(b, iface.name, iface.nameEnd - iface.name, StandardCharsets.UTF_8);
                json.append(interfaces.size() == 1 ? "" : ",").append(key).append(':').append(iface.countersJson);
                if (!iface.statistics.isEmpty()) {
                    statistics.put(decoded, iface.statistics);
                    statisticsJson.append(statistics.size() == 1 ? "" : ",").append(key).append(':').append(iface.statisticsJson);
                }
                if (!iface.loopback) {
                    diagnosed.add(decoded);
                }
            } while (next(']'));
        }

        /**
         * An interface's counters, {@code {"name": integer, ...}}, read here rather than by a parser
         * of their own (a report has several) and as strictly as the mapper reads them: a key once, an
         * integer in a long's range for each (not "5", 5.0, null); null for JSON null (none, as the full
         * read has it). Cut out of the hash. Empty when they do not read, and the counters marked unread.
         */
        private Map<String, Long> counters(int start) throws Unexpected {
            skipValue();
            cut(start);
            int end = at;
            at = start;
            if (b[at] == 'n' && end - start == 4 && b[at + 1] == 'u' && b[at + 2] == 'l' && b[at + 3] == 'l') {
                at = end;
                return Map.of();
            }
            Map<String, Long> read = new TreeMap<>();
            try {
                members(key -> {
                    String name = decode(key, keyEnd);
                    int number = at;
                    skipValue();
                    Long value = integer(number, at);
                    if (name == null || value == null || read.put(name, value) != null) {
                        throw new Unexpected();
                    }
                });
                return at == end ? read : unread(end);
            } catch (Unexpected e) {
                return unread(end);
            }
        }

        private Map<String, Long> unread(int end) {
            at = end;
            countersRead = false;
            return Map.of();
        }

        /** An integer as JSON writes it (-?(0|[1-9][0-9]*)) that fits a long; null otherwise. */
        private Long integer(int start, int end) {
            int i = start;
            boolean negative = i < end && b[i] == '-';
            if (negative) {
                i++;
            }
            if (i == end || (b[i] == '0' && end - i > 1) || end - i > 19) {
                return null;
            }
            long value = 0;
            for (; i < end; i++) {
                int digit = b[i] - '0';
                if (digit < 0 || digit > 9) {
                    return null;
                }
                value = value * 10 + digit;
                if (value < 0) {
                    return negative && value == Long.MIN_VALUE && i == end - 1 ? Long.MIN_VALUE : null;
                }
            }
            return negative ? -value : value;
        }

        /** A JSON string value, decoded; null when it is none. */
        private String decode(int start, int end) {
            if (b[start] != '"') {
                return null;
            }
            boolean plain = true;
            for (int i = start + 1; i < end - 1 && plain; i++) {
                plain = b[i] != '\\';
            }
            if (plain) {
                return new String(b, start + 1, end - start - 2, StandardCharsets.UTF_8);
            }
            try {
                return readers.text.readValue(b, start, end - start);
            } catch (IOException e) {
                return null;
            }
        }

        /**
         * The value at {@code start} read with {@code reader}, and cut out of the hash: what comes
         * before it is hashed, then a NUL where it was. Null (and the counters unread) when it does not read.
         */
        private <T> T cutOut(ObjectReader reader, int start) throws Unexpected {
            skipValue();
            cut(start);
            try {
                return reader.readValue(b, start, at - start);
            } catch (IOException e) {
                countersRead = false;
                return null;
            }
        }

        /** What comes before the value from {@code start} to here is hashed, then a NUL where it was. */
        private void cut(int start) {
            digest.update(b, hashedUpTo, start - hashedUpTo);
            digest.update((byte) 0);
            hashedUpTo = at;
        }

        private String slice(int start) {
            return new String(b, start, at - start, StandardCharsets.UTF_8);
        }

        /** A member's key: its first byte's offset (the opening quote); then past the colon. */
        private int key() throws Unexpected {
            space();
            int start = at;
            if (b[at] != '"') {
                throw new Unexpected();
            }
            skipString();
            keyEnd = at;
            space();
            expect(':');
            return start;
        }

        private boolean is(int key, byte[] name) {
            return key + name.length + 1 < b.length && b[key + name.length + 1] == '"' && java.util.Arrays.equals(b, key + 1, key + 1 + name.length, name, 0, name.length);
        }

        private void skipValue() throws Unexpected {
            space();
            byte c = b[at];
            if (c == '"') {
                skipString();
            } else if (c == '{' || c == '[') {
                int depth = 0;
                do {
                    c = b[at];
                    if (c == '"') {
                        skipString();
                        continue;
                    }
                    if (c == '{' || c == '[') {
                        depth++;
                    } else if (c == '}' || c == ']') {
                        depth--;
                    }
                    at++;
                } while (depth > 0);
            } else {
                int start = at;
                while (at < b.length && !ends(b[at])) {
                    at++;
                }
                if (at == start) {
                    throw new Unexpected();
                }
            }
        }

        /** Whether a byte ends a number or literal. */
        private static boolean ends(byte c) {
            return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
        }

        private void skipString() throws Unexpected {
            int i = at + 1;
            byte c;
            while ((c = b[i]) != '"') {
                if (c == '\\') {
                    i += 2;
                } else if (c >= 0 && c < 0x20) {
                    throw new Unexpected();
                } else {
                    i++;
                }
            }
            at = i + 1;
        }

        private void skipSpace() {
            while (at < b.length && (b[at] == ' ' || b[at] == '\n' || b[at] == '\r' || b[at] == '\t')) {
                at++;
            }
        }

        /** Past white space, to a byte that is there. */
        private void space() throws Unexpected {
            skipSpace();
            if (at >= b.length) {
                throw new Unexpected();
            }
        }

        private void expect(char c) throws Unexpected {
            space();
            if (b[at] != c) {
                throw new Unexpected();
            }
            at++;
        }

        /** Past {@code c} when it comes next. */
        private boolean close(char c) throws Unexpected {
            space();
            if (b[at] == c) {
                at++;
                return true;
            }
            return false;
        }

        /** After a member or element: true past a comma (another follows), false past {@code end}. */
        private boolean next(char end) throws Unexpected {
            space();
            byte c = b[at++];
            if (c == ',') {
                return true;
            }
            if (c == end) {
                return false;
            }
            throw new Unexpected();
        }
    }
}
