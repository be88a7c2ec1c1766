package io.offloadctl.node.output;

import java.util.Map;

import io.offloadctl.model.InterfaceInfo;
import io.offloadctl.model.InterfaceInfo.DriverInfo;
import io.offloadctl.model.InterfaceInfo.LinkState;

/**
 * Renders {@code offloadctl info}: first the lines of {@code ethtool -i}, as ethtool prints them,
 * then link, placement and counters.
 */
public final class InfoText {

    private InfoText() {
    }

    public static String render(InterfaceInfo info) {
        StringBuilder out = new StringBuilder();
        DriverInfo driver = info.driver();
        if (driver == null) {
            out.append("driver: none (the device reports no driver information)\n");
        } else {
            out.append(driverLines(driver));
        }
        field(out, "kind", info.kind().name());
        field(out, "mtu", String.valueOf(info.mtu()));
        LinkState link = info.link();
        field(out, "speed", link.speedMbps() == null ? "Unknown!" : link.speedMbps() + "Mb/s");
        field(out, "duplex", link.duplex());
        field(out, "auto-negotiation", link.autoneg() == null ? "unknown" : FeatureText.onOff(link.autoneg()));
        field(out, "link-detected", link.detected() == null ? "unknown" : yesNo(link.detected()));
        field(out, "operstate", info.operState());
        field(out, "master", info.master() == null ? "none" : info.master());
        out.append("statistics:\n");
        for (Map.Entry<String, Long> counter : info.counters().entrySet()) {
            out.append('\t').append(counter.getKey()).append(": ").append(Long.toUnsignedString(counter.getValue())).append('\n');
        }
        return out.toString();
    }

    /** Exactly the text of {@code ethtool -i}. */
    public static String driverLines(DriverInfo driver) {
        StringBuilder out = new StringBuilder();
        field(out, "driver", driver.driver());
        field(out, "version", driver.version());
        field(out, "firmware-version", driver.firmwareVersion());
        field(out, "expansion-rom-version", driver.expansionRomVersion());
        field(out, "bus-info", driver.busInfo());
        field(out, "supports-statistics", yesNo(driver.supportsStatistics()));
        field(out, "supports-test", yesNo(driver.supportsTest()));
        field(out, "supports-eeprom-access", yesNo(driver.supportsEepromAccess()));
        field(out, "supports-register-dump", yesNo(driver.supportsRegisterDump()));
        field(out, "supports-priv-flags", yesNo(driver.supportsPrivFlags()));
        return out.toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(name).append(": ").append(value).append('\n');
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
