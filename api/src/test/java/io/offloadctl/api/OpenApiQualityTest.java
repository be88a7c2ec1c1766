package io.offloadctl.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The committed contract documents itself: every operation has an id, summary, description and
 * problem responses; every body an example; every schema and property a description.
 */
class OpenApiQualityTest {

    static JsonNode contract() throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(Path.of("../openapi/offloadctl.yaml").toFile());
    }

    @Test
    void everyOperationIsDocumented() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : contract().get("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                JsonNode op = method.getValue();
                String where = method.getKey().toUpperCase() + " " + path.getKey();
                for (String field : List.of("operationId", "summary", "description")) {
                    if (!op.hasNonNull(field)) {
                        missing.add(where + ": " + field);
                    }
                }
                boolean problems = false;
                for (Map.Entry<String, JsonNode> response : op.get("responses").properties()) {
                    if (!response.getValue().hasNonNull("description")) {
                        missing.add(where + " " + response.getKey() + ": description");
                    }
                    problems |= response.getKey().matches("[45]\\d\\d")
                            && response.getValue().path("content").has("application/problem+json");
                }
                if (!problems) {
                    missing.add(where + ": problem+json error responses");
                }
                if (op.has("requestBody") && op.at("/requestBody/content/application~1json/examples").isMissingNode()) {
                    missing.add(where + ": request body example");
                }
            }
        }
        assertTrue(missing.isEmpty(), "undocumented: " + missing);
    }

    @Test
    void everySchemaAndPropertyIsDescribed() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> schema : contract().at("/components/schemas").properties()) {
            if (!schema.getValue().hasNonNull("description")) {
                missing.add(schema.getKey());
            }
            for (Map.Entry<String, JsonNode> property : schema.getValue().path("properties").properties()) {
                if (!property.getValue().hasNonNull("description")) {
                    missing.add(schema.getKey() + "." + property.getKey());
                }
            }
        }
        assertTrue(missing.isEmpty(), "without description: " + missing);
    }
}
