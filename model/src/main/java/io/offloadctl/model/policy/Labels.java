package io.offloadctl.model.policy;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.offloadctl.model.InterfaceNames;

/**
 * Node labels as Kubernetes writes them, the form operators know and the only form that is safe to
 * carry into rendered artifacts: a key is an optional DNS-subdomain prefix and '/', then a name of 1
 * to 63 characters; a value is empty or such a name.
 */
public final class Labels {

    public static final int MAX_LABELS = 64;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    private static final Pattern PREFIX = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*");

    private Labels() {
    }

    /** Adds a violation for each bad key or value of {@code labels} (at most {@link #MAX_LABELS}). */
    public static void check(String at, Map<String, String> labels, List<Violation> violations) {
        if (labels.size() > MAX_LABELS) {
            violations.add(new Violation(at, "holds " + labels.size() + " labels; at most " + MAX_LABELS + " are accepted"));
            return;
        }
        labels.forEach((key, value) -> {
            String keyProblem = keyProblem(key);
            if (keyProblem != null) {
                violations.add(new Violation(at, keyProblem));
            } else if (valueProblem(value) != null) {
                violations.add(new Violation(at + "." + key, valueProblem(value)));
            }
        });
    }

    public static String keyProblem(String key) {
        int slash = key == null ? -1 : key.indexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        boolean prefixOk = slash < 0 || slash <= 253 && PREFIX.matcher(key.substring(0, slash)).matches();
        if (key == null || !prefixOk || !NAME.matcher(name).matches()) {
            return "label key '" + (key == null ? "" : InterfaceNames.printable(shorten(key)))
                    + "' is not a Kubernetes label key ([prefix/]name: a name of 1 to 63 letters, digits, '-', '_', '.', "
                    + "beginning and ending with a letter or digit)";
        }
        return null;
    }

    public static String valueProblem(String value) {
        if (value == null) {
            return "a label value cannot be null (use \"\" for an empty value)";
        }
        if (!value.isEmpty() && !NAME.matcher(value).matches()) {
            return "label value '" + InterfaceNames.printable(shorten(value))
                    + "' is not a Kubernetes label value (empty, or 1 to 63 letters, digits, '-', '_', '.', "
                    + "beginning and ending with a letter or digit)";
        }
        return null;
    }

    private static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
