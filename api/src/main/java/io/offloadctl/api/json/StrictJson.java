package io.offloadctl.api.json;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * JSON is read strictly, as the contract describes it: a field the schema does not have is refused
 * with its path (a typo such as "selectors" must not silently widen a policy to every interface), a
 * field the schema marks required ({@code @Schema(required = true)}, the same marker the contract is
 * generated from) must be there, values are never coerced ("5" is not a number, 1.5 not an integer,
 * 0 not an enum constant, 5 not a string), null is no element of a list or a map, a key may not repeat,
 * and nothing may follow the document. (A number or truth value left out takes its documented default;
 * Jackson cannot tell a record's left-out field from an explicit null, so null means the default too.)
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // "5" is no number and no truth value (string to scalar) ...
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        // ... 5 and true are no strings, 0 and 1 no truth values.
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        mapper.setAnnotationIntrospector(AnnotationIntrospector.pair(mapper.getDeserializationConfig().getAnnotationIntrospector(),
                new RequiredFromSchema()));
    }

    /** A property the contract marks required is required when read, so the two cannot disagree. */
    static final class RequiredFromSchema extends NopAnnotationIntrospector {
        @Override
        public Boolean hasRequiredMarker(AnnotatedMember member) {
            Schema schema = member.getAnnotation(Schema.class);
            return schema != null && schema.required() ? Boolean.TRUE : null;
        }
    }
}
