package io.offloadctl.model;

import java.nio.charset.StandardCharsets;

/**
 * The kernel's rules for interface names (net/core/dev.c, dev_valid_name): 1 to 15 bytes, not "." or
 * "..", no '/', ':' or white space (and no NUL, which would end the name). Checked before any call
 * by the node binary, and on every name an agent reports to the API.
 */
public final class InterfaceNames {

    public static final int MAX_BYTES = 15;
    /** An alternative name ({@code ip link property add altname}) may have up to 127 bytes (ALTIFNAMSIZ - 1). */
    public static final int MAX_ALT_BYTES = 127;

    private InterfaceNames() {
    }

    public static String validate(String name) {
        String problem = problem(name);
        if (problem != null) {
            throw new OffloadException(ErrorKind.INVALID_ARGUMENT, problem);
        }
        return name;
    }

    /**
     * For a name to look an interface up by, which may be an alternative name: what is wrong with
     * it (as {@link #problem}, up to {@link #MAX_ALT_BYTES}), or null.
     */
    public static String lookupProblem(String name) {
        return problem(name, MAX_ALT_BYTES, " (" + MAX_ALT_BYTES + " for an alternative name)");
    }

    /** What is wrong with the name, or null when the kernel would take it. */
    public static String problem(String name) {
        return problem(name, MAX_BYTES, "");
    }

    private static String problem(String name, int maxBytes, String limitNote) {
        if (name == null || name.isEmpty()) {
            return "an interface name cannot be empty";
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            return "interface name '" + printable(name) + "' is " + bytes + " bytes long; Linux allows at most "
                    + MAX_BYTES + limitNote;
        }
        if (name.equals(".") || name.equals("..")) {
            return "'" + name + "' is not a valid interface name";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == ':' || c == 0 || Character.isWhitespace(c)) {
                return "interface name '" + printable(name) + "' contains " + describe(c) + ", which Linux does not allow";
            }
        }
        return null;
    }

    private static String describe(char c) {
        return c == '/' || c == ':' ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    /** The name with control characters shown as escapes, so a message cannot forge lines. */
    public static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(String.format("\\x%02x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
