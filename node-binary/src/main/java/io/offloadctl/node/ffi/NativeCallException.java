package io.offloadctl.node.ffi;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;

/** A libc or kernel call that failed: which call, on which interface, and the errno it left. */
public final class NativeCallException extends OffloadException {

    private final String call;
    private final String interfaceName;
    private final int errno;

    public NativeCallException(String call, String interfaceName, int errno, String description) {
        super(kindOf(errno), call + (interfaceName == null ? "" : " on '" + interfaceName + "'") + ": "
                + description + " (errno " + errno + ")");
        this.call = call;
        this.interfaceName = interfaceName;
        this.errno = errno;
    }

    public String call() {
        return call;
    }

    public String interfaceName() {
        return interfaceName;
    }

    public int errno() {
        return errno;
    }

    private static ErrorKind kindOf(int errno) {
        return switch (errno) {
            case Errno.EPERM, Errno.EACCES -> ErrorKind.PERMISSION;
            case Errno.ENODEV, Errno.ENOENT -> ErrorKind.NOT_FOUND;
            case Errno.EOPNOTSUPP -> ErrorKind.NOT_SUPPORTED;
            case Errno.EINVAL -> ErrorKind.INVALID_ARGUMENT;
            default -> ErrorKind.KERNEL;
        };
    }
}
