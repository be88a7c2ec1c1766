package io.offloadctl.node.ffi;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.Variadic;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/** The few libc calls offloadctl needs. Loaded once, in {@link Native}. */
public interface LibC {

    int socket(int domain, int type, int protocol);

    /** {@code int ioctl(int fd, unsigned long request, ...)}: one pointer argument after the fixed two. */
    @Variadic(fixedCount = 2)
    int ioctl(int fd, long request, Pointer argument);

    int close(int fd);

    int open(CharSequence path, int flags);

    int setns(int fd, int nstype);

    @ssize_t
    long send(int fd, Pointer buffer, @size_t long length, int flags);

    @ssize_t
    long recv(int fd, Pointer buffer, @size_t long length, int flags);

    String strerror(int errnum);
}
