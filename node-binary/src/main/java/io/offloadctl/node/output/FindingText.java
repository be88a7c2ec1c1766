package io.offloadctl.node.output;

import io.offloadctl.model.diagnose.Finding;
import io.offloadctl.model.diagnose.Severity;

import java.util.List;

/** Findings for people: each with its evidence, the command that fixes it, how to persist it and why. */
public final class FindingText {

    private static final int WIDTH = 100;
    private static final String INDENT = "            ";

    private FindingText() {
    }

    /** @param netnsOption "--netns NAME " when the diagnosis ran in another namespace, else "" */
    public static String render(List<Finding> findings, String netnsOption) {
        StringBuilder out = new StringBuilder();
        for (Finding finding : findings) {
            out.append(String.format("%-8s %s: %s [%s]%n", finding.severity(), finding.interfaceName(), finding.title(), finding.rule()));
            line(out, "evidence:", String.join("; ", finding.evidence()));
            if (finding.fix() != null) {
                String set = "offloadctl " + netnsOption + "set " + finding.interfaceName() + " " + finding.fix();
                line(out, "fix:", set);
                line(out, "persist:", "offloadctl persist --format systemd " + finding.interfaceName() + " " + finding.fix()
                        + "   (or " + String.join(", ", io.offloadctl.model.persist.PersistFormat.wires().stream()
                        .filter(f -> !f.equals(io.offloadctl.model.persist.PersistFormat.SYSTEMD.wire())).toList()) + ")");
            }
            line(out, "why:", finding.explanation());
            finding.sources().forEach(source -> line(out, "see:", source.title() + " <" + source.url() + ">"));
            out.append('\n');
        }
        out.append(summary(findings)).append('\n');
        return out.toString();
    }

    public static String summary(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "no findings: nothing known to hurt offloads here";
        }
        long warnings = findings.stream().filter(f -> f.severity().atLeast(Severity.warning)).count();
        long interfaces = findings.stream().map(Finding::interfaceName).distinct().count();
        return findings.size() + " finding" + (findings.size() == 1 ? "" : "s") + " on " + interfaces + " interface"
                + (interfaces == 1 ? "" : "s") + ": " + warnings + " warning or worse, " + (findings.size() - warnings) + " info";
    }

    private static void line(StringBuilder out, String label, String text) {
        out.append("  ").append(String.format("%-10s", label));
        int column = 12;
        boolean first = true;
        for (String word : text.split("\\s+")) {
            if (!first && column + 1 + word.length() > WIDTH) {
                out.append('\n').append(INDENT);
                column = INDENT.length();
                first = true;
            }
            if (!first) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
            first = false;
        }
        out.append('\n');
    }
}
