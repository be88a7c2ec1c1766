import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
/**
 * The image builder runs as modules on a plain JDK (Temurin), without GraalVM's native-image
 * driver, which would otherwise compute its JVM's module options. This prints them as an argument
 * file: every package of every JDK module exported to the builder's modules (and the class path),
 * the builder's own module names read from the jars given.
 *
 * Usage: java --add-modules ALL-SYSTEM BuilderExports.java MODULE_PATH > exports.args
 */
public class BuilderExports {
    public static void main(String[] a) throws Exception {
        // a[0]: module path of the builder jars
        ModuleFinder finder = ModuleFinder.of(Arrays.stream(a[0].split(":")).filter(s -> !s.isEmpty()).map(Path::of).toArray(Path[]::new));
        List<String> builder = finder.findAll().stream().map(r -> r.descriptor().name()).sorted().toList();
        String targets = "jdk.graal.compiler," + String.join(",", builder) + ",ALL-UNNAMED";
        for (Module m : ModuleLayer.boot().modules().stream().sorted(Comparator.comparing(Module::getName)).toList()) {
            for (String p : new TreeSet<>(m.getPackages())) {
                System.out.println("--add-exports=" + m.getName() + "/" + p + "=" + targets);
            }
        }
    }
}
