package io.offloadctl.node.ffi;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;

/**
 * Runs socket creation inside another network namespace. setns(2) changes the namespace of the
 * calling thread only, so the work happens on a fresh platform thread that enters the namespace,
 * creates the sockets, goes back, and ends. No other thread ever changes namespace, and the
 * sockets keep the namespace they were created in.
 */
public final class NamespaceEntry {

    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;
    private static final int CLONE_NEWNET = 0x40000000;
    private static final String OWN_NAMESPACE = "/proc/thread-self/ns/net";

    private NamespaceEntry() {
    }

    /** Calls {@code work} on a dedicated thread inside the namespace that {@code namespaceFile} names. */
    public static <T> T callInside(String namespaceFile, Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().name("offloadctl-setns").unstarted(() -> {
            try {
                result.set(enterAndCall(namespaceFile, work));
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OffloadException(ErrorKind.KERNEL, "interrupted while entering " + namespaceFile, e);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    private static <T> T enterAndCall(String namespaceFile, Supplier<T> work) {
        LibC libc = Native.libc();
        int home = (int) Native.check(libc.open(OWN_NAMESPACE, O_RDONLY | O_CLOEXEC), "open(" + OWN_NAMESPACE + ")", null);
        try {
            int target = (int) Native.check(libc.open(namespaceFile, O_RDONLY | O_CLOEXEC),
                    "open(" + namespaceFile + ")", null);
            try {
                Native.check(libc.setns(target, CLONE_NEWNET), "setns(" + namespaceFile + ")", null);
            } finally {
                libc.close(target);
            }
            try {
                return work.get();
            } finally {
                // The thread ends right after this, so even a failed return cannot leak the
                // namespace to other work; still, leave the way we came.
                libc.setns(home, CLONE_NEWNET);
            }
        } finally {
            libc.close(home);
        }
    }
}
