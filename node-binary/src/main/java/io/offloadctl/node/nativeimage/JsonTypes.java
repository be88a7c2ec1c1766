package io.offloadctl.node.nativeimage;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.stream.Stream;

/**
 * Which of offloadctl's classes Jackson reads or writes by reflection: what a native image must
 * register for it (the JVM needs no list). Every class of the shared model and of the generated API
 * client (reports, desired state, findings: what the agent sends and receives and the CLI prints),
 * and, in the node binary, every record and enum (the CLI's JSON output, the agent's files) and
 * every class that carries a Jackson annotation. Anonymous, local and synthetic classes never are.
 */
public final class JsonTypes {

    /** Packages (and their subpackages) whose classes all go through Jackson. */
    static final String[] DATA_PACKAGES = {"io.offloadctl.model", "io.offloadctl.client.model"};
    /** The packages searched at all. */
    public static final String ROOT = "io.offloadctl";

    private JsonTypes() {
    }

    public static boolean isJsonType(Class<?> type) {
        if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic() || type.isAnnotation()) {
            return false;
        }
        String name = type.getName();
        if (!name.startsWith(ROOT + ".")) {
            return false;
        }
        if (Stream.of(DATA_PACKAGES).anyMatch(p -> name.startsWith(p + "."))) {
            return true;
        }
        return type.isRecord() || type.isEnum() || hasJacksonAnnotation(type);
    }

    private static boolean hasJacksonAnnotation(Class<?> type) {
        try {
            return jackson(type) || Stream.of(type.getDeclaredFields()).anyMatch(JsonTypes::jackson)
                    || Stream.of(type.getDeclaredMethods()).anyMatch(JsonTypes::jackson)
                    || Stream.of(type.getDeclaredConstructors()).anyMatch(JsonTypes::jackson);
        } catch (LinkageError e) {
            return false; // a class whose members name classes not on this class path is not one Jackson sees
        }
    }

    private static boolean jackson(AnnotatedElement element) {
        for (Annotation annotation : element.getDeclaredAnnotations()) {
            if (annotation.annotationType().getPackageName().startsWith("com.fasterxml.jackson.")) {
                return true;
            }
        }
        return false;
    }
}
