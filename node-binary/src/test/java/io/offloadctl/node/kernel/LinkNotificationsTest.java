package io.offloadctl.node.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.offloadctl.node.ffi.NamespaceEntry;
import io.offloadctl.node.ffi.NetlinkSocket;
import io.offloadctl.node.ffi.RtnetlinkLinks;
import io.offloadctl.node.testing.TestNamespace;

/**
 * What the agent wakes on, from the real kernel inside a test namespace: RTNLGRP_LINK notifications
 * for a new link, a feature change made by ethtool -K (IFLA_EVENT_FEATURES) and a deleted link; and
 * the default gateway of a namespace found from its routes and answering an ICMP echo, or not.
 */
@Tag("ffi")
class LinkNotificationsTest {

    @Test
    void newLinksFeatureChangesAndDeletionsAreAnnounced() throws Exception {
        try (TestNamespace lab = TestNamespace.create("links")) {
            NetlinkSocket socket = NamespaceEntry.callInside(lab.file(), () -> NetlinkSocket.openSubscribed(RtnetlinkLinks.RTMGRP_LINK));
            LinkedBlockingQueue<RtnetlinkLinks.LinkEvent> events = new LinkedBlockingQueue<>();
            Thread reader = Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (true) {
                        events.addAll(RtnetlinkLinks.events(socket.receive()));
                    }
                } catch (RuntimeException closed) {
                    // the socket was closed at the end of the test
                }
            });
            try {
                lab.ip("tuntap", "add", "dev", "tapn", "mode", "tap");
                RtnetlinkLinks.LinkEvent created = next(events, e -> "tapn".equals(e.name()) && !e.deleted());
                assertTrue(created.index() > 0);

                lab.exec("ethtool", "-K", "tapn", "gro", "off");
                RtnetlinkLinks.LinkEvent features = next(events, e -> "tapn".equals(e.name()) && e.featuresChanged());
                assertEquals(created.index(), features.index());

                lab.ip("link", "del", "tapn");
                RtnetlinkLinks.LinkEvent deleted = next(events, e -> "tapn".equals(e.name()) && e.deleted());
                assertEquals(created.index(), deleted.index());
            } finally {
                socket.close();
                reader.interrupt();
            }
        }
    }

    private static RtnetlinkLinks.LinkEvent next(LinkedBlockingQueue<RtnetlinkLinks.LinkEvent> events,
                                                 java.util.function.Predicate<RtnetlinkLinks.LinkEvent> wanted) throws Exception {
        List<RtnetlinkLinks.LinkEvent> seen = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            RtnetlinkLinks.LinkEvent event = events.poll(100, TimeUnit.MILLISECONDS);
            if (event != null && wanted.test(event)) {
                return event;
            }
            if (event != null) {
                seen.add(event);
            }
        }
        throw new AssertionError("no such notification within 5 s; seen: " + seen);
    }

    @Test
    void theDefaultGatewayIsFoundAndProbedFromInsideTheNamespace() {
        try (TestNamespace node = TestNamespace.create("gwnode"); TestNamespace gateway = TestNamespace.create("gw")) {
            NetworkNamespace inside = NetworkNamespace.resolve(node.name());
            assertEquals(Optional.empty(), DefaultGateway.find(inside).map(DefaultGateway::text), "no default route yet");

            node.ip("link", "add", "up0", "type", "veth", "peer", "name", "gw0", "netns", gateway.name());
            node.ip("addr", "add", "198.18.7.2/24", "dev", "up0");
            node.ip("link", "set", "up0", "up");
            gateway.ip("addr", "add", "198.18.7.1/24", "dev", "gw0");
            gateway.ip("link", "set", "gw0", "up");
            node.ip("route", "add", "default", "via", "198.18.7.1");

            byte[] address = DefaultGateway.find(inside).orElseThrow();
            assertEquals("198.18.7.1", DefaultGateway.text(address));
            assertTrue(DefaultGateway.answers(inside, address, Duration.ofSeconds(2)), "the gateway answers an echo request");

            gateway.exec("sysctl", "-q", "-w", "net.ipv4.icmp_echo_ignore_all=1");
            long started = System.nanoTime();
            assertFalse(DefaultGateway.answers(inside, address, Duration.ofMillis(300)), "an ignoring gateway does not");
            assertTrue(System.nanoTime() - started < Duration.ofSeconds(2).toNanos(), "the probe keeps its timeout");
        }
    }
}
