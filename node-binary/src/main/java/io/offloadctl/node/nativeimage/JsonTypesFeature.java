package io.offloadctl.node.nativeimage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.graalvm.nativeimage.hosted.Feature;
import org.graalvm.nativeimage.hosted.RuntimeReflection;

/**
 * Image build only (the native profile passes {@code --features=} this class): registers for
 * reflection every class {@link JsonTypes} says Jackson reads or writes, found on the image's class
 * path, with its constructors, methods, fields and record components. Without it a native
 * offloadctl fails on its first JSON ("No serializer found for class ...").
 */
public final class JsonTypesFeature implements Feature {

    @Override
    public void beforeAnalysis(BeforeAnalysisAccess access) {
        int registered = 0;
        for (String name : classNames(access.getApplicationClassPath())) {
            Class<?> type = access.findClassByName(name);
            if (type == null || !JsonTypes.isJsonType(type)) {
                continue;
            }
            RuntimeReflection.register(type);
            RuntimeReflection.registerAllDeclaredConstructors(type);
            RuntimeReflection.registerAllDeclaredMethods(type);
            RuntimeReflection.registerAllDeclaredFields(type);
            RuntimeReflection.register(type.getDeclaredConstructors());
            RuntimeReflection.register(type.getDeclaredMethods());
            RuntimeReflection.register(type.getDeclaredFields());
            if (type.isRecord()) {
                RuntimeReflection.registerAllRecordComponents(type);
            }
            registered++;
        }
        System.out.println("offloadctl: " + registered + " classes registered for Jackson (JsonTypesFeature)");
    }

    /** Binary names of the classes under {@link JsonTypes#ROOT} in these jars and directories. */
    public static List<String> classNames(List<Path> classPath) {
        String root = JsonTypes.ROOT.replace('.', '/') + "/";
        List<String> names = new ArrayList<>();
        for (Path entry : classPath) {
            try {
                if (Files.isDirectory(entry)) {
                    Path base = entry.resolve(root);
                    if (Files.isDirectory(base)) {
                        try (Stream<Path> files = Files.walk(base)) {
                            files.map(f -> entry.relativize(f).toString()).filter(f -> f.endsWith(".class")).forEach(f -> names.add(binaryName(f)));
                        }
                    }
                } else if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
                    try (JarFile jar = new JarFile(entry.toFile())) {
                        jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(root) && n.endsWith(".class"))
                                .forEach(n -> names.add(binaryName(n)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the classes of " + entry, e);
            }
        }
        return names;
    }

    private static String binaryName(String classFile) {
        return classFile.substring(0, classFile.length() - ".class".length()).replace('/', '.');
    }
}
