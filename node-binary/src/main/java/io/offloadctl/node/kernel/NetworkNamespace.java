package io.offloadctl.node.kernel;

import java.nio.file.Files;
import java.nio.file.Path;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;

/**
 * Where offloadctl operates: the namespace it runs in, or another one named the way {@code ip -n}
 * names them (a name under /run/netns) or by a namespace file such as /proc/PID/ns/net.
 *
 * @param label what to call it in messages; null for the current namespace
 * @param file  the namespace file to enter; null for the current namespace
 */
public record NetworkNamespace(String label, Path file) {

    /** Where {@code ip netns add} puts named namespaces. */
    public static final Path NAMED_NAMESPACES = Path.of("/run/netns");

    public static NetworkNamespace current() {
        return new NetworkNamespace(null, null);
    }

    public boolean isCurrent() {
        return file == null;
    }

    /** A name ({@code node1}) or a path ({@code /proc/1234/ns/net}); null or empty means the current one. */
    public static NetworkNamespace resolve(String nameOrPath) {
        if (nameOrPath == null || nameOrPath.isEmpty()) {
            return current();
        }
        Path file;
        if (nameOrPath.contains("/")) {
            file = Path.of(nameOrPath);
        } else {
            if (nameOrPath.equals(".") || nameOrPath.equals("..")) {
                throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "invalid network namespace name '" + nameOrPath + "'");
            }
            file = NAMED_NAMESPACES.resolve(nameOrPath);
        }
        if (!Files.exists(file)) {
            throw new OffloadException(ErrorKind.NOT_FOUND, "network namespace '" + nameOrPath + "' does not exist"
                    + (nameOrPath.contains("/") ? "" : " (no " + file + "; 'ip netns list' shows the named ones)"));
        }
        return new NetworkNamespace(nameOrPath, file);
    }

    @Override
    public String toString() {
        return isCurrent() ? "the current network namespace" : "network namespace '" + label + "'";
    }
}
