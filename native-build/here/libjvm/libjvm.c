/*
 * The JVM_* entry points the JDK's shared libraries call in a native image and that are no
 * business of SubstrateVM's Java code, written from HotSpot's contract (jvm.h). link.sh adds an
 * aborting stub for every other JVM_* function those libraries refer to. (JVM_ActiveProcessorCount,
 * which the image itself calls, is runtime/misc.c's, in the executable, which interposes on ours.)
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>

/* libnet asks for inet_pton and friends this way (IPv6 support) */
void *JVM_FindLibraryEntry(void *handle, const char *name) {
    return dlsym(handle == NULL ? RTLD_DEFAULT : handle, name);
}


/* Runtime.halt and System.exit end up here in the JDK's Shutdown natives */
void JVM_BeforeHalt(void) {}
void JVM_Halt(int code) { exit(code); }
