package io.offloadctl.node.kernel;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.InterfaceNames;
import io.offloadctl.model.OffloadException;
import io.offloadctl.node.ffi.LinkRecord;

import java.util.List;

import io.offloadctl.node.ffi.Ethtool;
import io.offloadctl.node.ffi.EthtoolNetlink;
import io.offloadctl.node.ffi.EthtoolSocket;
import io.offloadctl.node.ffi.NamespaceEntry;
import io.offloadctl.node.ffi.NetlinkSocket;
import io.offloadctl.node.ffi.RtnetlinkLinks;

/**
 * The kernel handles for one network namespace: an ethtool socket and an rtnetlink socket, both
 * created inside that namespace, so every call through them reaches its interfaces and no
 * other's. Also keeps the feature names, which the kernel shares across all interfaces.
 */
public final class KernelSession implements AutoCloseable {

    private final NetworkNamespace namespace;
    private final EthtoolSocket ethtoolSocket;
    private final NetlinkSocket netlinkSocket;
    private final NetlinkSocket genericSocket;
    private final Ethtool ethtool;
    private final RtnetlinkLinks links;
    private final EthtoolNetlink ethtoolNetlink;
    private List<String> featureNames;

    private KernelSession(NetworkNamespace namespace, Sockets sockets) {
        this.namespace = namespace;
        this.ethtoolSocket = sockets.ethtool();
        this.netlinkSocket = sockets.netlink();
        this.genericSocket = sockets.generic();
        this.ethtool = new Ethtool(ethtoolSocket);
        this.links = new RtnetlinkLinks(netlinkSocket);
        this.ethtoolNetlink = new EthtoolNetlink(genericSocket);
    }

    public static KernelSession open(NetworkNamespace namespace) {
        Sockets sockets = namespace.isCurrent()
                ? Sockets.open()
                : NamespaceEntry.callInside(namespace.file().toString(), Sockets::open);
        return new KernelSession(namespace, sockets);
    }

    public NetworkNamespace namespace() {
        return namespace;
    }

    public Ethtool ethtool() {
        return ethtool;
    }

    public EthtoolSocket ethtoolSocket() {
        return ethtoolSocket;
    }

    public RtnetlinkLinks links() {
        return links;
    }

    /** The ethtool generic netlink family, for rings, coalescing and pause. */
    public EthtoolNetlink ethtoolNetlink() {
        return ethtoolNetlink;
    }

    /**
     * The interface's own name for {@code name}, which may be its own or an alternative name (ethtool
     * finds both, and prints the interface's own): NOT_FOUND when this namespace has none by that name.
     */
    public String interfaceName(String name) {
        return link(name).name();
    }

    /**
     * The link named {@code name} (its own or an alternative name), as one RTM_GETLINK reports it:
     * NOT_FOUND when this namespace has none by that name.
     */
    public LinkRecord link(String name) {
        String problem = InterfaceNames.lookupProblem(name);
        if (problem != null) {
            throw new OffloadException(ErrorKind.INVALID_ARGUMENT, problem);
        }
        return KernelErrors.explained(namespace, name, () -> links().named(name))
                .orElseThrow(() -> new OffloadException(ErrorKind.NOT_FOUND,
                        "no interface named '" + InterfaceNames.printable(name) + "' in " + namespace));
    }

    /** The kernel's feature names by bit index, read once per session through {@code interfaceName}. */
    List<String> featureNames(String interfaceName) {
        if (featureNames == null) {
            int count = ethtool.featureCount(interfaceName);
            featureNames = List.copyOf(ethtool.featureNames(interfaceName, count));
        }
        return featureNames;
    }

    @Override
    public void close() {
        ethtoolSocket.close();
        netlinkSocket.close();
        genericSocket.close();
    }

    /** The session's sockets, all opened in its namespace. */
    private record Sockets(EthtoolSocket ethtool, NetlinkSocket netlink, NetlinkSocket generic) {
        static Sockets open() {
            EthtoolSocket ethtool = EthtoolSocket.open();
            NetlinkSocket netlink = null;
            try {
                netlink = NetlinkSocket.open();
                return new Sockets(ethtool, netlink, NetlinkSocket.openGeneric());
            } catch (RuntimeException e) {
                ethtool.close();
                if (netlink != null) {
                    netlink.close();
                }
                throw e;
            }
        }
    }
}
