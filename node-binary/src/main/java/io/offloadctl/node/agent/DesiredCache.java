package io.offloadctl.node.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;

/**
 * The desired state on disk ({@link PrivateFile}: mode 0600, replaced atomically).
 */
public final class DesiredCache {

    private final Path file;
    private final ObjectMapper mapper;

    public DesiredCache(Path file, ObjectMapper mapper) {
        this.file = file;
        this.mapper = mapper;
    }

    public Path file() {
        return file;
    }

    public synchronized void write(CachedDesired desired) {
        try {
            PrivateFile.replace(file, mapper.writeValueAsBytes(desired));
        } catch (IOException e) {
            throw new OffloadException(ErrorKind.KERNEL, "cannot write the desired-state cache " + file + ": " + e.getMessage(), e);
        }
    }

    public Optional<CachedDesired> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readValue(file.toFile(), CachedDesired.class));
        } catch (IOException e) {
            throw new OffloadException(ErrorKind.KERNEL, "the desired-state cache " + file + " does not read: " + e.getMessage(), e);
        }
    }
}
