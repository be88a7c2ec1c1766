package io.offloadctl.api.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * Query and path values that do not convert are the caller's mistake, answered as a 400 problem that
 * names the parameter and what it takes (JAX-RS would answer a bare 404 "Not Found"). Numbers,
 * truth values (true or false, nothing else), enumerations (by their exact names) and timestamps.
 */
@Provider
public class QueryParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == int.class || rawType == Integer.class) {
            return (ParamConverter<T>) converter(value -> (T) (Object) Integer.valueOf(value.strip()), name,
                    "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
        }
        if (rawType == long.class || rawType == Long.class) {
            return (ParamConverter<T>) converter(value -> (T) (Object) Long.valueOf(value.strip()), name,
                    "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
        }
        if (rawType == boolean.class || rawType == Boolean.class) {
            return (ParamConverter<T>) converter(value -> (T) switch (value.strip()) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException(value);
            }, name, "true or false");
        }
        if (rawType == OffsetDateTime.class) {
            return (ParamConverter<T>) converter(value -> (T) OffsetDateTime.parse(value.strip()), name,
                    "an RFC 3339 time such as 2026-11-30T08:00:00Z");
        }
        if (rawType.isEnum()) {
            String names = Arrays.stream(rawType.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            return (ParamConverter<T>) converter(value -> (T) Enum.valueOf((Class) rawType, value), name, "one of " + names);
        }
        return null;
    }

    private static String name(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
        }
        return null;
    }

    private interface Parse<T> {
        T parse(String value);
    }

    private static <T> ParamConverter<T> converter(Parse<T> parse, String name, String expected) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.parse(value);
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    String shown = value.length() > 64 ? value.substring(0, 64) + "..." : value;
                    throw new ApiException(400, "bad-parameter", "Bad request parameter",
                            name + ": '" + shown + "' is not " + expected);
                }
            }

            @Override
            public String toString(T value) {
                return String.valueOf(value);
            }
        };
    }
}
