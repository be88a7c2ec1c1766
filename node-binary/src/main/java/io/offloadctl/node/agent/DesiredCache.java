package io.offloadctl.node.agent;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;

/**
 * The desired state on disk: written to a temporary file readable only by its owner and renamed
 * over the old one, so a reader (or a reboot) sees the old state or the new, never half of one.
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

    public void write(CachedDesired desired) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), ".desired-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.write(temporary, mapper.writeValueAsBytes(desired));
                try {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
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
