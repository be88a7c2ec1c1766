/*
 * The image builder's progress reporter loads this from <java.home>/lib/svm/builder/lib
 * (com.oracle.svm.hosted.ProgressReporterCHelper, two native methods): the terminal's width for
 * its lines and the build process's peak RSS for its summary. GraalVM ships its own; none is
 * published, so this is ours, written from the two methods' signatures.
 */
#include <jni.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <unistd.h>

/* private static native long getPeakRSS0(): bytes, or -1 when unknown */
JNIEXPORT jlong JNICALL Java_com_oracle_svm_hosted_ProgressReporterCHelper_getPeakRSS0(JNIEnv *env, jclass cls) {
    struct rusage usage;
    if (getrusage(RUSAGE_SELF, &usage) != 0) {
        return -1;
    }
    return (jlong) usage.ru_maxrss * 1024; /* Linux reports ru_maxrss in KiB */
}

/* private static native int getTerminalWindowColumns0(): the caller clamps it; 0 when not a terminal */
JNIEXPORT jint JNICALL Java_com_oracle_svm_hosted_ProgressReporterCHelper_getTerminalWindowColumns0(JNIEnv *env, jclass cls) {
    struct winsize size;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0) {
        return 0;
    }
    return size.ws_col;
}
