package io.offloadctl.node.kernel;

import java.nio.charset.StandardCharsets;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;

/** The kernel's rules for interface names (dev_valid_name), checked before any call. */
public final class InterfaceNames {

    private static final int MAX_BYTES = 15;

    private InterfaceNames() {
    }

    public static String validate(String name) {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0) {
            throw invalid("an interface name cannot be empty");
        }
        if (bytes > MAX_BYTES) {
            throw invalid("interface name '" + name + "' is " + bytes + " bytes long; Linux allows at most " + MAX_BYTES);
        }
        if (name.equals(".") || name.equals("..")) {
            throw invalid("'" + name + "' is not a valid interface name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == ':' || Character.isWhitespace(c)) {
                throw invalid("interface name '" + name + "' contains '" + c + "', which Linux does not allow");
            }
        }
        return name;
    }

    private static OffloadException invalid(String message) {
        return new OffloadException(ErrorKind.INVALID_ARGUMENT, message);
    }
}
