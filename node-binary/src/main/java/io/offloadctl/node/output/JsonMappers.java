package io.offloadctl.node.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one place the node binary's Jackson mappers come from (its files, the API client, the CLI's
 * JSON): java.time values as ISO-8601 strings. Modules are named here, not discovered:
 * {@code findAndRegisterModules} goes through ServiceLoader, which a native image answers with
 * nothing unless told, and the agent then failed on its first Instant.
 */
public final class JsonMappers {

    private JsonMappers() {
    }

    /** A new mapper: every caller may configure its own further. */
    public static ObjectMapper create() {
        return JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    }
}
