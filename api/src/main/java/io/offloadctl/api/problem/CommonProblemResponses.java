package io.offloadctl.api.problem;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.offloadctl.model.persist.PersistFormat;
import io.offloadctl.model.settings.SettingValue;

/**
 * Adds to every operation of the contract the problem responses any request can meet: 400 for
 * malformed input, 401 and 403 (every operation needs a bearer token), 413 and 415 where a body is
 * sent, 500; and the bearer security scheme. Written once here, not on every method.
 */
public class CommonProblemResponses implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            Schema time = openAPI.getComponents().getSchemas().get("OffsetDateTime");
            if (time != null) {
                time.setDescription("A point in time, ISO 8601 with offset (the API writes UTC).");
            }
            Schema instant = openAPI.getComponents().getSchemas().get("Instant");
            if (instant != null) {
                instant.setDescription("A point in time, ISO 8601 in UTC, as an agent's clock tells it.");
            }
            settingValues(openAPI.getComponents().getSchemas());
            openAPI.getComponents().getSchemas().values().forEach(CommonProblemResponses::nullableReferences);
        }
        openAPI.getComponents().addSecurityScheme("bearer", OASFactory.createSecurityScheme()
                .type(org.eclipse.microprofile.openapi.models.security.SecurityScheme.Type.HTTP).scheme("bearer")
                .description("An API token: 'Authorization: Bearer TOKEN'. Roles: admin, viewer, agent (one node)."));
        openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer"));
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                Operation operation = entry.getValue();
                rolesAsExtension(operation);
                formatsAsEnumeration(operation);
                APIResponses responses = operation.getResponses();
                boolean hasInput = operation.getRequestBody() != null
                        || (operation.getParameters() != null && !operation.getParameters().isEmpty());
                if (hasInput) {
                    add(responses, "400", "The request is malformed: unreadable JSON, or a parameter of the wrong type.");
                }
                if (operation.getRequestBody() != null) {
                    add(responses, "413", "The request body is larger than the server accepts.");
                    add(responses, "415", "The request body is not application/json.");
                }
                add(responses, "401", "No token, or an unknown or revoked one.");
                add(responses, "403", "The token's role (or, for an agent, its node) does not allow this.");
                add(responses, "500", "The server failed; its log says why.");
                if (entry.getKey() != PathItem.HttpMethod.GET) {
                    add(responses, "503", "A concurrent write held what this one needs beyond the lock timeout; retry "
                            + "after Retry-After seconds.");
                }
            }
        }
    }

    /**
     * A render operation's format parameter lists the formats as an enumeration, from
     * {@link PersistFormat} (clients and the dashboard offer exactly these).
     */
    private static void formatsAsEnumeration(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        operation.getParameters().stream()
                .filter(p -> "format".equals(p.getName()) && p.getIn() == Parameter.In.QUERY && p.getSchema() != null)
                .forEach(p -> {
                    p.getSchema().setEnumeration(new java.util.ArrayList<>(PersistFormat.wires()));
                    p.setDescription("One of " + String.join(", ", PersistFormat.wires()) + ".");
                });
    }

    /**
     * The roles an operation allows (from @RolesAllowed) move from the bearer requirement's scope list,
     * which OpenAPI 3.0 tools read as OAuth scopes, to x-roles and a sentence in the description.
     */
    private static void rolesAsExtension(Operation operation) {
        if (operation.getSecurity() == null) {
            return;
        }
        java.util.List<String> roles = operation.getSecurity().stream()
                .flatMap(requirement -> requirement.getSchemes() == null ? java.util.stream.Stream.empty()
                        : requirement.getSchemes().values().stream())
                .filter(java.util.Objects::nonNull).flatMap(java.util.List::stream).distinct().toList();
        operation.setSecurity(java.util.List.of(OASFactory.createSecurityRequirement().addScheme("bearer")));
        if (!roles.isEmpty()) {
            operation.addExtension("x-roles", roles);
            String description = operation.getDescription() == null ? "" : operation.getDescription() + " ";
            operation.setDescription(description + "Roles: " + String.join(", ", roles) + ".");
        }
    }

    /**
     * A nullable property that refers to another schema comes out with a {@code type} beside
     * {@code anyOf: [$ref, {type: "null"}]}: {@code object}, which excludes the null it allows, or
     * {@code [object, "null"]}, which says again what the reference says. The type goes.
     */
    private static void nullableReferences(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        for (Schema property : schema.getProperties().values()) {
            boolean allowsNull = property.getAnyOf() != null && property.getAnyOf().stream()
                    .anyMatch(s -> s.getType() != null && s.getType().contains(Schema.SchemaType.NULL));
            boolean refers = property.getAnyOf() != null && property.getAnyOf().stream().anyMatch(s -> s.getRef() != null);
            if (allowsNull && refers && property.getType() != null) {
                property.setType(null);
            }
        }
    }

    /**
     * {@link SettingValue}: a boolean or a whole number, which annotations cannot say (the scanner puts
     * "type: object" beside any schema of a class). Its schema becomes that oneOf, and the properties
     * and map values that refer to it lose the type beside the reference.
     */
    private static void settingValues(Map<String, Schema> schemas) {
        Schema value = schemas.get(SettingValue.SCHEMA);
        if (value == null) {
            return;
        }
        value.setType(null);
        value.setProperties(null);
        value.setOneOf(java.util.List.of(OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN),
                OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int64")));
        String ref = "#/components/schemas/" + SettingValue.SCHEMA;
        String nullable = "#/components/schemas/" + SettingValue.NULLABLE_SCHEMA;
        for (Schema schema : schemas.values()) {
            if (schema.getProperties() == null) {
                continue;
            }
            for (Schema property : schema.getProperties().values()) {
                if (ref.equals(property.getRef())) {
                    property.setType(null);
                }
                if (nullable.equals(property.getRef())) {
                    property.setRef(null);
                    property.setType(null);
                    property.setAnyOf(java.util.List.of(OASFactory.createSchema().ref(SettingValue.SCHEMA),
                            OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
                }
                if (property.getAdditionalPropertiesSchema() != null && ref.equals(property.getAdditionalPropertiesSchema().getRef())) {
                    property.getAdditionalPropertiesSchema().setType(null);
                }
            }
        }
    }

    private static void add(APIResponses responses, String code, String description) {
        if (responses.hasAPIResponse(code)) {
            return;
        }
        responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("Problem")))));
    }
}
