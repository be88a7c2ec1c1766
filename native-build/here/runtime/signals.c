/*
 * jdk.internal.misc.Signal in a native image (com.oracle.svm.core.posix.headers.CSunMiscSignal):
 * the handler runs on whatever thread the kernel picks, outside any Java state, so it only counts
 * the signal in a table outside the Java heap and posts a semaphore; the dispatcher thread waits on
 * the semaphore and takes counted signals one by one. One isolate at a time may own the table.
 */
#include <errno.h>
#include <semaphore.h>
#include <signal.h>
#include <stdbool.h>

static volatile long counts[NSIG];
static volatile int owned;
static sem_t semaphore;

/* CSunMiscSignal.open(): 0, or -1 with errno EBUSY when another isolate owns the table */
int cSunMiscSignal_open(void) {
    if (!__sync_bool_compare_and_swap(&owned, 0, 1)) {
        errno = EBUSY;
        return -1;
    }
    for (int i = 0; i < NSIG; i++) {
        counts[i] = 0;
    }
    if (sem_init(&semaphore, 0, 0) != 0) {
        owned = 0;
        return -1;
    }
    return 0;
}

int cSunMiscSignal_close(void) {
    if (owned && sem_destroy(&semaphore) != 0) {
        return -1;
    }
    owned = 0;
    return 0;
}

/* Waits for a post; an interruption counts as one (the caller looks at the table anyway). */
int cSunMiscSignal_awaitSemaphore(void) {
    if (sem_wait(&semaphore) != 0 && errno != EINTR) {
        return -1;
    }
    return 0;
}

int cSunMiscSignal_signalSemaphore(void) {
    return sem_post(&semaphore);
}

bool cSunMiscSignal_signalRangeCheck(int signal) {
    return signal > 0 && signal < NSIG;
}

/* The lowest counted signal, its count taken down by one; -1 when none. Dispatcher thread only. */
int cSunMiscSignal_checkPendingSignal(void) {
    for (int i = 1; i < NSIG; i++) {
        if (counts[i] > 0) {
            __sync_fetch_and_sub(&counts[i], 1);
            return i;
        }
    }
    return -1;
}

/* async-signal-safe: an atomic add and sem_post, errno kept */
static void count(int signal) {
    int saved = errno;
    if (signal > 0 && signal < NSIG) {
        __sync_fetch_and_add(&counts[signal], 1);
        sem_post(&semaphore);
    }
    errno = saved;
}

void (*cSunMiscSignal_signalHandlerFunctionPointer(void))(int) {
    return count;
}
