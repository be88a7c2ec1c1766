package io.offloadctl.api.node;

import java.util.Locale;
import java.util.regex.Pattern;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.InterfaceNames;
import io.offloadctl.model.OffloadException;

/**
 * Node names: host names (RFC 1123 labels joined by dots), at most 253 characters. Host names are
 * case-insensitive (RFC 4343), so a node has one name: lower case. Every name that comes in (a path,
 * a filter, a token's node) goes through {@link #canonical}.
 */
public final class NodeNames {

    private static final Pattern NAME = Pattern.compile(
            "[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*");

    private NodeNames() {
    }

    /** The node's one name, or a 422 when it is no host name. */
    public static String canonical(String name) {
        if (name == null || name.length() > 253 || !NAME.matcher(name).matches()) {
            throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "node name '" + (name == null ? "" :
                    InterfaceNames.printable(name.length() > 300 ? name.substring(0, 300) + "..." : name))
                    + "' is not a host name (letters, digits, dashes, dots; at most 253 characters)");
        }
        return name.toLowerCase(Locale.ROOT);
    }

    /** A filter value: the canonical name when it is one, else the value itself (which then matches nothing). */
    public static String filter(String name) {
        return name == null || !NAME.matcher(name).matches() ? name : name.toLowerCase(Locale.ROOT);
    }
}
