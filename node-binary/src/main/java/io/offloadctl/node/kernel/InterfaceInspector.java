package io.offloadctl.node.kernel;

import java.util.List;
import java.util.Optional;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.InterfaceInfo;
import io.offloadctl.model.InterfaceNames;
import io.offloadctl.model.InterfaceInfo.DriverInfo;
import io.offloadctl.model.InterfaceInfo.LinkState;
import io.offloadctl.model.InterfaceKind;
import io.offloadctl.model.OffloadException;
import io.offloadctl.node.ffi.DriverInfoStruct;
import io.offloadctl.node.ffi.LinkRecord;
import io.offloadctl.node.ffi.LinkSettingsStruct;
import io.offloadctl.node.ffi.NativeCallException;

/** Lists interfaces and describes one: driver, link, MTU, kind, master and counters. */
public final class InterfaceInspector {

    private static final List<String> OPER_STATES = List.of(
            "unknown", "notpresent", "down", "lowerlayerdown", "testing", "dormant", "up");

    private final KernelSession session;

    public InterfaceInspector(KernelSession session) {
        this.session = session;
    }

    /** Every interface name of the namespace, in index order. */
    public List<String> names() {
        return session.links().dump().stream().map(LinkRecord::name).toList();
    }

    public InterfaceInfo info(String interfaceName) {
        InterfaceNames.validate(interfaceName);
        List<LinkRecord> links = session.links().dump();
        LinkRecord link = links.stream().filter(l -> interfaceName.equals(l.name())).findFirst()
                .orElseThrow(() -> new OffloadException(ErrorKind.NOT_FOUND,
                        "no interface named '" + interfaceName + "' in " + session.namespace()));
        return describe(link, links);
    }

    /** Every interface of the namespace, in index order, from one link dump. */
    public List<InterfaceInfo> infoAll() {
        List<LinkRecord> links = session.links().dump();
        return links.stream().map(link -> describe(link, links)).toList();
    }

    private InterfaceInfo describe(LinkRecord link, List<LinkRecord> links) {
        String interfaceName = link.name();
        String master = links.stream().filter(l -> l.index() == link.master() && link.master() != 0)
                .map(LinkRecord::name).findFirst().orElse(null);
        int mtu = KernelErrors.explained(session.namespace(), interfaceName,
                () -> session.ethtoolSocket().mtu(interfaceName));
        return new InterfaceInfo(interfaceName, link.index(), kindOf(link), driverInfo(interfaceName), mtu,
                linkState(interfaceName), operState(link.operState()), master, link.stats(), link.limits());
    }

    static InterfaceKind kindOf(LinkRecord link) {
        if ((link.flags() & LinkRecord.IFF_LOOPBACK) != 0) {
            return InterfaceKind.loopback;
        }
        if ("tun".equals(link.linkKind()) && link.arpType() != LinkRecord.ARPHRD_ETHER) {
            return InterfaceKind.tun;
        }
        return InterfaceKind.fromLinkKind(link.linkKind());
    }

    private DriverInfo driverInfo(String interfaceName) {
        return unsupportedAsEmpty(() -> {
            DriverInfoStruct raw = session.ethtool().driverInfo(interfaceName);
            return new DriverInfo(raw.driver(), raw.version(), raw.firmwareVersion(), raw.expansionRomVersion(),
                    raw.busInfo(), raw.stats() > 0, raw.testInfoLength() > 0, raw.eepromDumpLength() > 0,
                    raw.registerDumpLength() > 0, raw.privFlags() > 0);
        }).orElse(null);
    }

    private LinkState linkState(String interfaceName) {
        Boolean detected = unsupportedAsEmpty(() -> session.ethtool().linkDetected(interfaceName)).orElse(null);
        return unsupportedAsEmpty(() -> session.ethtool().linkSettings(interfaceName))
                .map(raw -> new LinkState(raw.speed() == LinkSettingsStruct.SPEED_UNKNOWN || raw.speed() == 0
                        ? null : (int) raw.speed(), duplex(raw.duplex()), raw.autoneg() != 0, detected))
                .orElse(new LinkState(null, "Unknown", null, detected));
    }

    private static String duplex(int duplex) {
        return switch (duplex) {
            case LinkSettingsStruct.DUPLEX_HALF -> "Half";
            case LinkSettingsStruct.DUPLEX_FULL -> "Full";
            default -> "Unknown";
        };
    }

    private static String operState(int state) {
        return state >= 0 && state < OPER_STATES.size() ? OPER_STATES.get(state) : "unknown";
    }

    /** Drivers answer EOPNOTSUPP for what they do not implement (loopback has no driver info). */
    private <T> Optional<T> unsupportedAsEmpty(java.util.function.Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (NativeCallException e) {
            if (e.kind() == ErrorKind.NOT_SUPPORTED) {
                return Optional.empty();
            }
            throw KernelErrors.explain(e, session.namespace(), e.interfaceName());
        }
    }
}
