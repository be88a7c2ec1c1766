package io.offloadctl.node.ffi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where jffi's native stub (libjffi) is loaded from. jffi extracts it from its jar into
 * java.io.tmpdir, which fails on hosts where /tmp is noexec or read-only: the immutable hosts
 * offloadctl is for. Unless told otherwise (jffi.boot.library.path: a directory that already holds
 * the stub, as the bundle ships it; jffi.extract.dir or JFFI_EXTRACT_DIR), a native image loads the
 * stub from the {@code lib/} directory beside its executable when it is there (as
 * native-build/here/link.sh and its tarball ship it: nothing is written); otherwise the stub is extracted
 * into OFFLOADCTL_RUNTIME_DIR, by default /run/offloadctl for root (a root-owned runtime
 * directory, mode 0700) and $XDG_RUNTIME_DIR/offloadctl for other users.
 */
public final class JffiStubLocation {

    static final String BOOT_PATH = "jffi.boot.library.path";
    static final String EXTRACT_DIR = "jffi.extract.dir";
    static final String ROOT_DEFAULT = "/run/offloadctl";
    static final String STUB = "libjffi-1.2.so";

    private JffiStubLocation() {
    }

    /** Sets jffi.extract.dir when nothing else says where the stub is; returns the directory chosen, or null. */
    public static Path prepare() {
        if (System.getProperty(BOOT_PATH) != null || System.getProperty(EXTRACT_DIR) != null || System.getenv("JFFI_EXTRACT_DIR") != null) {
            return null;
        }
        Path shipped = besideNativeExecutable();
        if (shipped != null) {
            System.setProperty(BOOT_PATH, shipped.toString());
            return shipped;
        }
        Path dir = runtimeDirectory();
        if (dir == null) {
            return null;
        }
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException | UnsupportedOperationException e) {
            return null; // jffi falls back to java.io.tmpdir and explains itself if that fails too
        }
        if (!Files.isWritable(dir)) {
            return null;
        }
        System.setProperty(EXTRACT_DIR, dir.toString());
        return dir;
    }

    /** In a native image: the executable's lib/ directory when it holds the stub; else null. */
    private static Path besideNativeExecutable() {
        if (!"runtime".equals(System.getProperty("org.graalvm.nativeimage.imagecode"))) {
            return null;
        }
        try {
            Path lib = Path.of("/proc/self/exe").toRealPath().resolveSibling("lib");
            return Files.isRegularFile(lib.resolve(STUB)) ? lib : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** /proc/self belongs to the process's effective user. */
    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static Path runtimeDirectory() {
        String configured = System.getenv("OFFLOADCTL_RUNTIME_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        if (isRoot()) {
            return Path.of(ROOT_DEFAULT);
        }
        String xdg = System.getenv("XDG_RUNTIME_DIR");
        return xdg == null || xdg.isBlank() ? null : Path.of(xdg, "offloadctl");
    }
}
