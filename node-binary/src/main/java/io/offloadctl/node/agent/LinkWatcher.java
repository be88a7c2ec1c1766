package io.offloadctl.node.agent;

import java.util.List;
import java.util.function.Consumer;

import io.offloadctl.node.ffi.Errno;
import io.offloadctl.node.ffi.NamespaceEntry;
import io.offloadctl.node.ffi.NativeCallException;
import io.offloadctl.node.ffi.NetlinkSocket;
import io.offloadctl.node.ffi.RtnetlinkLinks;
import io.offloadctl.node.kernel.NetworkNamespace;

/**
 * Link notifications of a namespace (RTNLGRP_LINK) on a thread of their own: new and deleted links,
 * and feature changes, each handed on as it arrives, so the agent acts within milliseconds instead of
 * at its next poll. When the kernel had to drop notifications (ENOBUFS: the socket's buffer
 * overflowed) an empty list is handed on: something changed, read everything.
 */
final class LinkWatcher {

    private LinkWatcher() {
    }

    /** Subscribes inside {@code namespace} and starts the thread; {@code failed} is told if it stops. */
    static void start(NetworkNamespace namespace, Consumer<List<RtnetlinkLinks.LinkEvent>> events, Consumer<String> failed) {
        NetlinkSocket socket = namespace.isCurrent() ? NetlinkSocket.openSubscribed(RtnetlinkLinks.RTMGRP_LINK)
                : NamespaceEntry.callInside(namespace.file().toString(), () -> NetlinkSocket.openSubscribed(RtnetlinkLinks.RTMGRP_LINK));
        Thread.ofPlatform().daemon().name("offloadctl-links").start(() -> {
            try (socket) {
                while (true) {
                    try {
                        List<RtnetlinkLinks.LinkEvent> received = RtnetlinkLinks.events(socket.receive());
                        if (!received.isEmpty()) {
                            events.accept(received);
                        }
                    } catch (NativeCallException e) {
                        if (e.errno() != Errno.ENOBUFS) {
                            throw e;
                        }
                        events.accept(List.of());
                    }
                }
            } catch (RuntimeException e) {
                failed.accept(e.getMessage());
            }
        });
    }
}
