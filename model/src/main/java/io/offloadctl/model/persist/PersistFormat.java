package io.offloadctl.model.persist;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;

/** The ways a host can be made to keep offload settings across reboots and driver reloads. */
public enum PersistFormat {
    HARVESTER_CLOUDINIT("harvester-cloudinit", "application/yaml"),
    SYSTEMD("systemd", "text/plain"),
    NETWORKD("networkd", "text/plain"),
    NETWORKMANAGER("networkmanager", "text/x-shellscript"),
    NETWORKMANAGER_KEYFILE("networkmanager-keyfile", "text/plain"),
    TUNED("tuned", "text/plain"),
    TALOS("talos", "application/yaml"),
    IGNITION("ignition", "application/json"),
    NMSTATE("nmstate", "application/yaml"),
    UDEV("udev", "text/plain"),
    SHELL("shell", "text/x-shellscript");

    private final String wire;
    private final String mediaType;

    PersistFormat(String wire, String mediaType) {
        this.wire = wire;
        this.mediaType = mediaType;
    }

    public String wire() {
        return wire;
    }

    public String mediaType() {
        return mediaType;
    }

    /** Every format's name, in declaration order. */
    public static List<String> wires() {
        return Arrays.stream(values()).map(PersistFormat::wire).toList();
    }

    public static PersistFormat fromWire(String value) {
        return Arrays.stream(values()).filter(f -> f.wire.equals(value)).findFirst()
                .orElseThrow(() -> new OffloadException(ErrorKind.INVALID_ARGUMENT, "unknown format '" + value + "'; one of "
                        + Arrays.stream(values()).map(PersistFormat::wire).collect(Collectors.joining(", "))));
    }
}
