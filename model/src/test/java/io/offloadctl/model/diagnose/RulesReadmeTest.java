package io.offloadctl.model.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The README's table of rules is rules.yaml, rendered: never typed twice. With
 * {@code -Dreadme.update=true} the test writes the table instead of comparing it.
 */
class RulesReadmeTest {

    static final String START = "<!-- rules: generated from rules.yaml -->\n";
    static final String END = "<!-- end of rules -->\n";

    static String table() {
        StringBuilder out = new StringBuilder("| rule | severity | what it finds | sources |\n| --- | --- | --- | --- |\n");
        for (Rule rule : RuleBook.builtIn().rules()) {
            out.append("| `").append(rule.id()).append("` | ").append(rule.severity()).append(" | ").append(rule.title())
                    .append(" | ").append(rule.sources().stream().map(s -> "[" + s.title().replace("|", "\\|").replace("[", "\\[")
                            .replace("]", "\\]") + "](" + s.url() + ")").collect(Collectors.joining("; "))).append(" |\n");
        }
        return out.toString();
    }

    @Test
    void theReadmeListsEveryRuleWithItsSourcesAsRulesYamlHasThem() throws Exception {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertTrue(start >= 0 && end > start, "README.md has the generated rules section");
        String current = text.substring(start + START.length(), end);
        if (Boolean.getBoolean("readme.update")) {
            Files.writeString(readme, text.substring(0, start + START.length()) + table() + text.substring(end));
            return;
        }
        assertEquals(table(), current, "README.md is behind rules.yaml: run the model tests with -Dreadme.update=true");
    }
}
