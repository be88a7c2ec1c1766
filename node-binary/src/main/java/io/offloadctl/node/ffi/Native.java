package io.offloadctl.node.ffi;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/** Holds the loaded libc and its jnr-ffi runtime; loading happens once, on first use. */
public final class Native {

    private Native() {
    }

    private static final class Holder {
        static final LibC LIBC = load();
        static final Runtime RUNTIME = Runtime.getRuntime(LIBC);
    }

    private static LibC load() {
        if (System.getProperty("org.graalvm.nativeimage.imagecode") != null) {
            // A native image cannot generate bytecode at run time: jnr-ffi's reflection loader, always.
            System.setProperty("jnr.ffi.asm.enabled", "false");
        }
        JffiStubLocation.prepare();
        // failImmediately: a libc that cannot be loaded is an error with its cause now, not a proxy that fails later
        return LibraryLoader.create(LibC.class).failImmediately().load("c");
    }

    public static LibC libc() {
        return Holder.LIBC;
    }

    public static Runtime runtime() {
        return Holder.RUNTIME;
    }

    /** errno of the last call made through {@link #libc()} on this thread. Read it right after the call. */
    public static int errno() {
        return Holder.RUNTIME.getLastError();
    }

    /** Zeroed native memory that stays put while a pointer to it is inside a kernel call. */
    public static Pointer allocateDirect(int size) {
        return Memory.allocateDirect(Holder.RUNTIME, size, true);
    }

    /** Throws a {@link NativeCallException} for the current errno when {@code result} is negative. */
    static long check(long result, String call, String interfaceName) {
        if (result < 0) {
            int errno = errno();
            throw new NativeCallException(call, interfaceName, errno, libc().strerror(errno));
        }
        return result;
    }
}
