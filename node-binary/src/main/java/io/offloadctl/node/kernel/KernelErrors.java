package io.offloadctl.node.kernel;

import java.util.function.Supplier;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;
import io.offloadctl.node.ffi.Errno;
import io.offloadctl.node.ffi.NativeCallException;

/** Says in plain words what the errno of a failed kernel call means for the person at the keyboard. */
final class KernelErrors {

    private KernelErrors() {
    }

    /** Runs a kernel call on {@code interfaceName}, explaining the errors people run into. */
    static <T> T explained(NetworkNamespace namespace, String interfaceName, Supplier<T> call) {
        try {
            return call.get();
        } catch (NativeCallException e) {
            throw explain(e, namespace, interfaceName);
        }
    }

    static OffloadException explain(NativeCallException e, NetworkNamespace namespace, String interfaceName) {
        return switch (e.errno()) {
            case Errno.ENODEV -> new OffloadException(ErrorKind.NOT_FOUND,
                    "no interface named '" + interfaceName + "' in " + namespace, e);
            case Errno.EPERM, Errno.EACCES -> new OffloadException(ErrorKind.PERMISSION,
                    "changing features of '" + interfaceName + "' needs root or CAP_NET_ADMIN (" + e.getMessage() + ")", e);
            default -> e;
        };
    }
}
