package io.offloadctl.node.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.offloadctl.client.model.Enactment;

/**
 * Enactments not yet accepted by the API, on disk, oldest first: every enactment goes through it,
 * so one made while the API is unreachable (or hung) is posted, in order, when it answers again,
 * and survives a restart of the agent. Bounded: beyond {@link #LIMIT} entries the oldest are
 * dropped and counted (the next one posted says so). A {@link PrivateFile}: a crash leaves the old
 * list or the new.
 */
public final class OutageJournal {

    public static final int LIMIT = 512;
    private static final TypeReference<Stored> STORED = new TypeReference<>() {
    };

    /** The file's content. */
    public record Stored(long dropped, List<Enactment> entries) {
        public Stored {
            entries = entries == null ? List.of() : List.copyOf(entries);
        }
    }

    private final Path file;
    private final ObjectMapper mapper;
    private long dropped;
    private final List<Enactment> entries = new ArrayList<>();

    public OutageJournal(Path file, ObjectMapper mapper) {
        this.file = file;
        this.mapper = mapper;
        if (Files.exists(file)) {
            try {
                Stored stored = mapper.readValue(file.toFile(), STORED);
                entries.addAll(stored.entries());
                dropped = stored.dropped();
            } catch (IOException e) {
                // A journal that does not read is kept aside for a person and started afresh.
                try {
                    Files.move(file, file.resolveSibling(file.getFileName() + ".unreadable"), StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException ignored) {
                    // nothing more to do: the next write replaces it
                }
            }
        }
    }

    public Path file() {
        return file;
    }

    public synchronized void append(Enactment enactment) {
        entries.add(enactment);
        while (entries.size() > LIMIT) {
            entries.remove(0);
            dropped++;
        }
        save();
    }

    /** The oldest entry, with a note of the entries dropped before it; null when empty. */
    public synchronized Enactment oldest() {
        if (entries.isEmpty()) {
            return null;
        }
        Enactment first = entries.get(0);
        if (dropped == 0) {
            return first;
        }
        String note = "(" + dropped + " older enactments were dropped: the outage journal holds " + LIMIT + ")";
        return new Enactment().revision(first.getRevision()).result(first.getResult()).at(first.getAt())
                .message(first.getMessage() == null ? note : first.getMessage() + " " + note)
                .details(first.getDetails()).probes(first.getProbes());
    }

    /** Removes the oldest entry once the API accepted it (or refused it for good). */
    public synchronized void removeOldest() {
        if (!entries.isEmpty()) {
            entries.remove(0);
            dropped = 0;
            save();
        }
    }

    public synchronized int size() {
        return entries.size();
    }

    private void save() {
        try {
            PrivateFile.replace(file, mapper.writeValueAsBytes(new Stored(dropped, entries)));
        } catch (IOException e) {
            throw new io.offloadctl.model.OffloadException(io.offloadctl.model.ErrorKind.KERNEL,
                    "cannot write the outage journal " + file + ": " + e.getMessage(), e);
        }
    }
}
