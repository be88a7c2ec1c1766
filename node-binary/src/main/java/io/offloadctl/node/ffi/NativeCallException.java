package io.offloadctl.node.ffi;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;

/** A libc or kernel call that failed: which call, on which interface, and the errno it left. */
public final class NativeCallException extends OffloadException {

    private final String call;
    private final String interfaceName;
    private final int errno;
    private final String kernelMessage;

    public NativeCallException(String call, String interfaceName, int errno, String description) {
        this(call, interfaceName, errno, description, null);
    }

    /** With the kernel's own message about it (a netlink extended acknowledgement), when it sent one. */
    public NativeCallException(String call, String interfaceName, int errno, String description, String kernelMessage) {
        super(kindOf(errno), call + (interfaceName == null ? "" : " on '" + interfaceName + "'") + ": "
                + description + (kernelMessage == null ? "" : ": " + kernelMessage) + " (errno " + errno + ")");
        this.call = call;
        this.interfaceName = interfaceName;
        this.errno = errno;
        this.kernelMessage = kernelMessage;
    }

    /** The kernel's extended acknowledgement message ("cannot modify an unsupported parameter"), or null. */
    public String kernelMessage() {
        return kernelMessage;
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
