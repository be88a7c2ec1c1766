package io.offloadctl.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders the chart's templates as {@code helm template} does, for the part of Go's text/template
 * and Helm's functions the chart uses (neither Debian nor npm has helm): text and {{ actions }} with
 * {{- and -}} trimming; {@code if}/{@code else}/{@code end}, {@code range} over a list (the element
 * as {@code .}); pipelines of {@code .Values.a.b}, {@code .Release.Name}, {@code .Release.Namespace},
 * {@code .Chart.AppVersion}, {@code .}, string and number literals, and the functions {@code quote},
 * {@code default}, {@code not}, {@code toYaml}, {@code nindent}. Anything else is refused, and so is
 * a value the chart names that values.yaml lacks (helm would print "&lt;no value&gt;"), so the chart
 * cannot drift into what this renderer does not do.
 */
final class ChartRenderer {

    private final Map<String, Object> root;

    ChartRenderer(Map<String, Object> values, String releaseName, String namespace, String appVersion) {
        root = Map.of("Values", values, "Release", Map.of("Name", releaseName, "Namespace", namespace),
                "Chart", Map.of("AppVersion", appVersion));
    }

    /** The chart's values.yaml, with {@code overrides} merged over it as helm merges -f files (maps deeply, the rest replaced). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> values(Path chart, Map<String, Object> overrides) throws IOException {
        Map<String, Object> values = (Map<String, Object>) new Yaml().load(Files.readString(chart.resolve("values.yaml")));
        return merge(values, overrides, "");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over, String at) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        over.forEach((key, value) -> {
            if (!base.containsKey(key)) {
                throw new IllegalArgumentException("values: no such value " + at + key + " in the chart's values.yaml");
            }
            merged.put(key, value instanceof Map && base.get(key) instanceof Map
                    ? merge((Map<String, Object>) base.get(key), (Map<String, Object>) value, at + key + ".") : value);
        });
        return merged;
    }

    /** Every template of the chart (templates/*.yaml, by name), rendered and joined as helm template prints them. */
    String renderChart(Path chart) throws IOException {
        StringBuilder out = new StringBuilder();
        List<Path> templates;
        try (Stream<Path> files = Files.list(chart.resolve("templates"))) {
            templates = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path template : templates) {
            String rendered = render(Files.readString(template)).strip();
            if (!rendered.isEmpty()) {
                out.append("---\n# Source: ").append(chart.getFileName()).append("/templates/").append(template.getFileName())
                        .append('\n').append(rendered).append('\n');
            }
        }
        return out.toString();
    }

    String render(String template) {
        List<Object> nodes = parse(tokens(template), new int[] {0}, false);
        StringBuilder out = new StringBuilder();
        execute(nodes, root, out);
        return out.toString();
    }

    // ------------------------------------------------------------------ lexing and parsing

    /** Text, or an action's words. */
    private record Action(String text) {
    }

    private record If(String condition, List<Object> then, List<Object> otherwise) {
    }

    private record Range(String over, List<Object> body) {
    }

    private static List<Object> tokens(String template) {
        List<Object> tokens = new ArrayList<>();
        int position = 0;
        while (true) {
            int open = template.indexOf("{{", position);
            if (open < 0) {
                tokens.add(template.substring(position));
                return tokens;
            }
            int close = template.indexOf("}}", open);
            if (close < 0) {
                throw new IllegalArgumentException("an action that does not end: " + template.substring(open));
            }
            String text = template.substring(position, open);
            String inner = template.substring(open + 2, close);
            if (inner.startsWith("-")) {
                text = text.stripTrailing();
                inner = inner.substring(1);
            }
            boolean trimAfter = inner.endsWith("-");
            if (trimAfter) {
                inner = inner.substring(0, inner.length() - 1);
            }
            tokens.add(text);
            tokens.add(new Action(inner.strip()));
            position = close + 2;
            if (trimAfter) {
                while (position < template.length() && Character.isWhitespace(template.charAt(position))) {
                    position++;
                }
            }
        }
    }

    /** Nodes up to an {@code end} (or {@code else}, when {@code inIf}), which is consumed and left at {@code at[0] - 1}. */
    private static List<Object> parse(List<Object> tokens, int[] at, boolean nested) {
        List<Object> nodes = new ArrayList<>();
        while (at[0] < tokens.size()) {
            Object token = tokens.get(at[0]++);
            if (token instanceof String text) {
                nodes.add(text);
                continue;
            }
            String action = ((Action) token).text();
            if (action.equals("end") || action.equals("else")) {
                if (!nested) {
                    throw new IllegalArgumentException("'" + action + "' outside if or range");
                }
                at[0]--;
                return nodes;
            }
            if (action.startsWith("if ")) {
                List<Object> then = parse(tokens, at, true);
                List<Object> otherwise = List.of();
                if (((Action) tokens.get(at[0]++)).text().equals("else")) {
                    otherwise = parse(tokens, at, true);
                    at[0]++; // its end
                }
                nodes.add(new If(action.substring(3).strip(), then, otherwise));
            } else if (action.startsWith("range ")) {
                List<Object> body = parse(tokens, at, true);
                if (!((Action) tokens.get(at[0]++)).text().equals("end")) {
                    throw new IllegalArgumentException("range with else: not taken");
                }
                nodes.add(new Range(action.substring(6).strip(), body));
            } else {
                nodes.add(new Action(action));
            }
        }
        if (nested) {
            throw new IllegalArgumentException("an if or range without its end");
        }
        return nodes;
    }

    // ------------------------------------------------------------------ execution

    private void execute(List<Object> nodes, Object dot, StringBuilder out) {
        for (Object node : nodes) {
            switch (node) {
                case String text -> out.append(text);
                case If branch -> execute(truthy(pipeline(branch.condition(), dot)) ? branch.then() : branch.otherwise(), dot, out);
                case Range range -> {
                    Object over = pipeline(range.over(), dot);
                    if (over != null) {
                        for (Object element : (Collection<?>) over) {
                            execute(range.body(), element, out);
                        }
                    }
                }
                case Action action -> out.append(text(pipeline(action.text(), dot)));
                default -> throw new IllegalStateException(String.valueOf(node));
            }
        }
    }

    /** {@code a | f x | g}: each stage's value is the last argument of the next. */
    private Object pipeline(String pipeline, Object dot) {
        Object value = null;
        boolean first = true;
        for (String stage : pipeline.split("\\|")) {
            List<String> words = words(stage.strip());
            List<Object> args = new ArrayList<>();
            for (String word : words.subList(isFunction(words.get(0)) ? 1 : 0, words.size())) {
                args.add(operand(word, dot));
            }
            if (!first) {
                args.add(value);
            }
            if (isFunction(words.get(0))) {
                value = call(words.get(0), args);
            } else {
                if (args.size() != 1) {
                    throw new IllegalArgumentException("not a function: " + words.get(0) + " in {{ " + pipeline + " }}");
                }
                value = args.get(0);
            }
            first = false;
        }
        return value;
    }

    private static boolean isFunction(String word) {
        return List.of("quote", "default", "not", "toYaml", "nindent").contains(word);
    }

    private static List<String> words(String stage) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < stage.length()) {
            if (stage.charAt(i) == ' ') {
                i++;
            } else if (stage.charAt(i) == '"') {
                int end = stage.indexOf('"', i + 1);
                words.add(stage.substring(i, end + 1));
                i = end + 1;
            } else {
                int end = stage.indexOf(' ', i);
                end = end < 0 ? stage.length() : end;
                words.add(stage.substring(i, end));
                i = end;
            }
        }
        return words;
    }

    @SuppressWarnings("unchecked")
    private Object operand(String word, Object dot) {
        if (word.startsWith("\"")) {
            return word.substring(1, word.length() - 1);
        }
        if (word.matches("-?[0-9]+")) {
            return Integer.parseInt(word);
        }
        if (word.equals(".")) {
            return dot;
        }
        if (!word.startsWith(".")) {
            throw new IllegalArgumentException("not taken here: " + word);
        }
        Object value = root;
        String path = "";
        for (String key : word.substring(1).split("\\.")) {
            path += "." + key;
            if (!(value instanceof Map<?, ?> map) || !map.containsKey(key)) {
                throw new IllegalArgumentException("no value " + path);
            }
            value = ((Map<String, Object>) map).get(key);
        }
        return value;
    }

    private static Object call(String function, List<Object> args) {
        return switch (function) {
            case "quote" -> "\"" + text(args.get(0)).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case "default" -> truthy(args.get(1)) ? args.get(1) : args.get(0);
            case "not" -> !truthy(args.get(0));
            case "toYaml" -> toYaml(args.get(0));
            case "nindent" -> "\n" + String.join("\n", text(args.get(1)).lines()
                    .map(line -> " ".repeat((Integer) args.get(0)) + line).toList());
            default -> throw new IllegalArgumentException(function);
        };
    }

    private static String toYaml(Object value) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        return new Yaml(options).dump(value).stripTrailing();
    }

    /** Go's truth: false, 0, nil and empty strings, lists and maps are false. */
    private static boolean truthy(Object value) {
        return switch (value) {
            case null -> false;
            case Boolean b -> b;
            case Number n -> n.doubleValue() != 0;
            case String s -> !s.isEmpty();
            case Collection<?> c -> !c.isEmpty();
            case Map<?, ?> m -> !m.isEmpty();
            default -> true;
        };
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
