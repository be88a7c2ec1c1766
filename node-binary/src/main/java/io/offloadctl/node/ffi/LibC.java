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

    /** {@code int open(const char *path, int flags, ...)}: variadic as libc declares it; no mode (nothing is created). */
    @Variadic(fixedCount = 2)
    int open(CharSequence path, int flags);

    int setns(int fd, int nstype);

    @ssize_t
    long send(int fd, Pointer buffer, @size_t long length, int flags);

    @ssize_t
    long recv(int fd, Pointer buffer, @size_t long length, int flags);

    int connect(int fd, Pointer address, int addressLength);

    int bind(int fd, Pointer address, int addressLength);

    int listen(int fd, int backlog);

    /** {@code accept4(fd, NULL, NULL, flags)}: the peer's address is not needed. */
    int accept4(int fd, Pointer address, Pointer addressLength, int flags);

    int shutdown(int fd, int how);

    int setsockopt(int fd, int level, int option, Pointer value, int length);

    /** {@code length} points to a socklen_t holding the buffer size; the kernel writes the size it filled. */
    int getsockopt(int fd, int level, int option, Pointer value, Pointer length);

    String strerror(int errnum);
}
