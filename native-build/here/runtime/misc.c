/*
 * The rest of what the relocatable image calls and neither glibc nor the JDK's shared libraries
 * export (native-build/here/runtime-symbols.txt), each written from the builder's Java
 * declaration of it.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <jni.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "svm_locale.h"

/* ---- variadic libc calls with their arguments fixed (the image calls them like plain functions) */
int openSII(const char *path, int flags, int mode) { return open(path, flags, mode); }
void *mremapP(void *old, size_t old_size, size_t new_size, int flags, void *new_address) {
    return mremap(old, old_size, new_size, flags, new_address);
}
int fprintfSD(FILE *stream, const char *format, const char *s, int d) { return fprintf(stream, format, s, d); }

/* ---- thread id for JFR and the builder's watchdog */
long getThreadId(void) { return gettid(); }

/* ---- libjvm's entry points the image calls itself */
void initialize(void) {}
int JVM_ActiveProcessorCount(void) {
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof(set), &set) == 0) {
        return CPU_COUNT(&set);
    }
    return (int) sysconf(_SC_NPROCESSORS_ONLN);
}

/* (InitializeEncoding comes from libjava itself: defining it here would shadow libjava's own.) */

/* ---- the JDK's libraries as "built in": the builder calls JNI_OnLoad_<lib>; the shared library
 * has JNI_OnLoad, found through its own handle (the dynamic linker loaded it beside us). */
static jint on_load(const char *library, JavaVM *vm, void *reserved) {
    void *handle = dlopen(library, RTLD_NOW | RTLD_NOLOAD);
    if (handle == NULL) {
        handle = dlopen(library, RTLD_NOW);
    }
    jint (*hook)(JavaVM *, void *) = handle == NULL ? NULL : (jint (*)(JavaVM *, void *)) dlsym(handle, "JNI_OnLoad");
    jint version = hook == NULL ? JNI_VERSION_1_8 : hook(vm, reserved);
    /* a static library's JNI_OnLoad_<lib> must answer 1.8 or newer; the shared ones answer what
     * they were written for (libjava: 1.2), which says nothing against 1.8 */
    return version < 0 || version >= JNI_VERSION_1_8 ? version : JNI_VERSION_1_8;
}
JNIEXPORT jint JNICALL JNI_OnLoad_java(JavaVM *vm, void *reserved) { return on_load("libjava.so", vm, reserved); }
JNIEXPORT jint JNICALL JNI_OnLoad_nio(JavaVM *vm, void *reserved) { return on_load("libnio.so", vm, reserved); }
JNIEXPORT jint JNICALL JNI_OnLoad_net(JavaVM *vm, void *reserved) { return on_load("libnet.so", vm, reserved); }
JNIEXPORT jint JNICALL JNI_OnLoad_zip(JavaVM *vm, void *reserved) { return on_load("libzip.so", vm, reserved); }
JNIEXPORT jint JNICALL JNI_OnLoad_extnet(JavaVM *vm, void *reserved) { return on_load("libextnet.so", vm, reserved); }

/* ---- containers (ContainerLibrary, VERSION 240100): this runtime reports "not containerized",
 * so the image sizes itself by the host (processors by affinity, all of memory). */
int svm_container_initialize(int version) { (void) version; return 0; /* SUCCESS_IS_NOT_CONTAINERIZED */ }
unsigned long svm_container_physical_memory(void) {
    return (unsigned long) sysconf(_SC_PHYS_PAGES) * (unsigned long) sysconf(_SC_PAGESIZE);
}
int svm_container_active_processor_count(void) { return JVM_ActiveProcessorCount(); }

/* ---- locale: the POSIX locale of LC_ALL, LC_CTYPE or LANG ("ll_CC.codeset@variant"); the C and
 * POSIX locales (and none) are English, as the JDK has it. LocaleSupport accepts only SUCCEEDED or
 * OUT_OF_MEMORY. */
static svm_locale_props_t locale;

static char *part(const char *start, const char *end) {
    return start == end ? NULL : strndup(start, (size_t) (end - start));
}

int svm_initialize_locale(void) {
    const char *value = getenv("LC_ALL");
    if (value == NULL || *value == 0) value = getenv("LC_CTYPE");
    if (value == NULL || *value == 0) value = getenv("LANG");
    if (value == NULL || *value == 0 || strcmp(value, "C") == 0 || strcmp(value, "POSIX") == 0
            || strncmp(value, "C.", 2) == 0) {
        value = "en";
    }
    const char *end = value + strlen(value);
    const char *at = strchr(value, '@');
    const char *stop = at != NULL ? at : end;
    const char *dot = memchr(value, '.', (size_t) (stop - value));
    if (dot != NULL) stop = dot;
    const char *underscore = memchr(value, '_', (size_t) (stop - value));
    char *language = part(value, underscore != NULL ? underscore : stop);
    char *country = underscore != NULL ? part(underscore + 1, stop) : NULL;
    char *variant = at != NULL ? part(at + 1, end) : NULL;
    if (language == NULL) {
        language = strdup("en");
    }
    if (language == NULL) {
        return SVM_LOCALE_INITIALIZATION_OUT_OF_MEMORY;
    }
    locale.format_language = locale.display_language = language;
    locale.format_country = locale.display_country = country;
    locale.format_variant = locale.display_variant = variant;
    return SVM_LOCALE_INITIALIZATION_SUCCEEDED;
}

svm_locale_props_t *svm_get_locale(void) { return &locale; }

/* ---- the default time zone's id: TZ, else /etc/timezone, else the target of /etc/localtime
 * below .../zoneinfo/; NULL lets the image fall back to GMT. The caller frees the result. */
char *SVM_FindJavaTZmd(const char *tzenv, int length) {
    if (tzenv != NULL && length > 0 && *tzenv != 0) {
        const char *id = *tzenv == ':' ? tzenv + 1 : tzenv;
        return strndup(id, (size_t) length - (size_t) (id - tzenv));
    }
    char line[256];
    FILE *file = fopen("/etc/timezone", "r");
    if (file != NULL) {
        char *read = fgets(line, sizeof(line), file);
        fclose(file);
        if (read != NULL) {
            line[strcspn(line, "\n \t")] = 0;
            if (*line) return strdup(line);
        }
    }
    char target[4096];
    ssize_t n = readlink("/etc/localtime", target, sizeof(target) - 1);
    if (n > 0) {
        target[n] = 0;
        const char *zone = strstr(target, "zoneinfo/");
        if (zone != NULL) return strdup(zone + strlen("zoneinfo/"));
    }
    return NULL;
}
