package io.offloadctl.api.json;

import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** What a body that does not read says to its sender: the problem and where in the document. */
public final class JsonProblems {

    private JsonProblems() {
    }

    public static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return "unknown field '" + path(unknown) + "'" + (known.isEmpty() ? "" : "; the fields here are: " + known);
        }
        // Jackson's advice on its own configuration ("(set DeserializationConfig...)") is not the client's business.
        String message = e.getOriginalMessage().replaceAll("\\s*\\((set|enable|disable) [^)]*\\)", "");
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return path(mapping) + ": " + message;
        }
        return message;
    }

    /** The field path as the contract names it: selector.matchLabels.role, interfaces[2].name. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }
}
