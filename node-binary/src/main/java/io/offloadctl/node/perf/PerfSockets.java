package io.offloadctl.node.perf;

import io.offloadctl.node.ffi.NamespaceEntry;
import io.offloadctl.node.ffi.TcpSocket;
import io.offloadctl.node.kernel.NetworkNamespace;

import java.util.function.Supplier;

/** Where perf's sockets are made: in the current namespace, or inside the one given with --netns. */
public final class PerfSockets {

    private PerfSockets() {
    }

    public static Supplier<TcpSocket> in(NetworkNamespace namespace) {
        if (namespace.isCurrent()) {
            return TcpSocket::open;
        }
        String file = namespace.file().toString();
        return () -> NamespaceEntry.callInside(file, TcpSocket::open);
    }
}
