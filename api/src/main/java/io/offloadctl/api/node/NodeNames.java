package io.offloadctl.api.node;

import java.util.regex.Pattern;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;

/** Node names: host names (RFC 1123 labels joined by dots), at most 253 characters. */
public final class NodeNames {

    private static final Pattern NAME = Pattern.compile(
            "[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*");

    private NodeNames() {
    }

    public static String validate(String name) {
        if (name == null || name.length() > 253 || !NAME.matcher(name).matches()) {
            throw new OffloadException(ErrorKind.INVALID_ARGUMENT,
                    "node name '" + name + "' is not a host name (letters, digits, dashes, dots; at most 253 characters)");
        }
        return name;
    }
}
