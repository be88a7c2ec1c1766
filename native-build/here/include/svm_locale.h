/*
 * The locale helper SubstrateVM calls at start-up (com.oracle.svm.core.c.locale.LocaleCHelper):
 * two constants, the struct of eight strings it reads the locale from, and two functions,
 * implemented in native-build/here/runtime/locale.c.
 */
#ifndef OFFLOADCTL_SVM_LOCALE_H
#define OFFLOADCTL_SVM_LOCALE_H

#define SVM_LOCALE_INITIALIZATION_USE_DEFAULT 0
#define SVM_LOCALE_INITIALIZATION_SUCCEEDED 1
#define SVM_LOCALE_INITIALIZATION_OUT_OF_MEMORY 2

typedef struct {
    char *format_language;
    char *format_script;
    char *format_country;
    char *format_variant;
    char *display_language;
    char *display_script;
    char *display_country;
    char *display_variant;
} svm_locale_props_t;

int svm_initialize_locale(void);
svm_locale_props_t *svm_get_locale(void);

#endif
