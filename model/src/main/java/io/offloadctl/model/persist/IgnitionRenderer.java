package io.offloadctl.model.persist;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An Ignition config (spec 3.4.0), the first-boot configuration of Fedora CoreOS and Flatcar: the
 * plan's systemd .link files as storage.files entries (mode 0644, their text in an RFC 2397 data
 * URL), which udev applies on either when a NIC appears. JSON has no comments: what a .link file
 * cannot express, and the plan's notes, are comments inside the files. A Butane config takes the
 * same files under storage.files with contents.inline.
 */
final class IgnitionRenderer implements PersistRenderer {

    static final String VERSION = "3.4.0";

    @Override
    public String render(PersistPlan plan) {
        List<NetworkdLinkRenderer.LinkFile> files = new NetworkdLinkRenderer().files(plan);
        StringBuilder out = new StringBuilder("{\n  \"ignition\": {\"version\": \"" + VERSION + "\"},\n  \"storage\": {\n    \"files\": [\n");
        for (int i = 0; i < files.size(); i++) {
            NetworkdLinkRenderer.LinkFile file = files.get(i);
            // the path is of the plan's name (letters, digits, '.', '_', '-': RenderSafety), nothing a JSON string must escape
            out.append("      {\n        \"path\": \"").append(file.path()).append("\",\n        \"mode\": 420,\n")
                    .append("        \"overwrite\": true,\n        \"contents\": {\"source\": \"data:,")
                    .append(percentEncoded(plan.noteComments() + file.text())).append("\"}\n      }")
                    .append(i + 1 < files.size() ? ",\n" : "\n");
        }
        return out.append("    ]\n  }\n}\n").toString();
    }

    /** Every byte but RFC 3986's unreserved characters as %XX: a data URL's text, and nothing a JSON string must escape. */
    static String percentEncoded(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
