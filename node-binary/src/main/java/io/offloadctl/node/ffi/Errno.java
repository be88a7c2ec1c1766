package io.offloadctl.node.ffi;

/** The errno values offloadctl tells apart (x86_64 Linux, asm-generic/errno-base.h and errno.h). */
public final class Errno {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EACCES = 13;
    public static final int ENODEV = 19;
    public static final int EINVAL = 22;
    /** What a netlink attribute outside its policy's range is answered with ("integer out of range"). */
    public static final int ERANGE = 34;
    public static final int EOPNOTSUPP = 95;
    public static final int ENOBUFS = 105;

    private Errno() {
    }
}
