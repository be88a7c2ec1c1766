package io.offloadctl.node.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.policy.RemovalAction;
import io.offloadctl.model.report.OriginalFeature;

/**
 * The values features had before any policy changed them, by interface name and feature, on disk
 * beside the cache ({@link PrivateFile}): recorded once, before the first change, and never
 * overwritten (a driver reload that resets a feature is drift, not a new original; a re-created
 * interface keeps its record by name). Dropped when the feature is released: put back (restore)
 * or left as it is (keep).
 */
final class Originals {

    private static final TypeReference<List<OriginalFeature>> LIST = new TypeReference<>() {
    };

    private final Path file;
    private final ObjectMapper mapper;
    private final Map<String, OriginalFeature> byKey = new LinkedHashMap<>();

    Originals(Path file, ObjectMapper mapper) {
        this.file = file;
        this.mapper = mapper;
        if (Files.exists(file)) {
            try {
                mapper.readValue(file.toFile(), LIST).forEach(o -> byKey.put(key(o.interfaceName(), o.setting()), o));
            } catch (IOException e) {
                throw new OffloadException(ErrorKind.KERNEL, "the record of original feature values " + file
                        + " does not read (" + e.getMessage() + "); move it aside to start a new record", e);
            }
        }
    }

    /** Where the originals of an agent with this cache are: {@code desired.json} → {@code desired-originals.json}. */
    static Path beside(DesiredCache cache) {
        return sibling(cache, "-originals.json");
    }

    static Path sibling(DesiredCache cache, String suffix) {
        String name = cache.file().getFileName().toString();
        return cache.file().resolveSibling((name.endsWith(".json") ? name.substring(0, name.length() - 5) : name) + suffix);
    }

    private static String key(String iface, String feature) {
        return iface + "\u0000" + feature;
    }

    /** Records what a feature is now, before a policy first changes it; a feature with a record keeps it. */
    boolean recordIfAbsent(String iface, String feature, Object now, String policy, RemovalAction onRemove) {
        return byKey.putIfAbsent(key(iface, feature), new OriginalFeature(iface, feature, now, policy, onRemove, Instant.now())) == null;
    }

    /** Keeps the record's governing policy current: its removal decides. */
    boolean governedBy(String iface, String feature, String policy, RemovalAction onRemove) {
        OriginalFeature record = byKey.get(key(iface, feature));
        if (record == null || (policy.equals(record.policy()) && onRemove == record.onRemove())) {
            return false;
        }
        byKey.put(key(iface, feature), record.governedBy(policy, onRemove));
        return true;
    }

    void drop(String iface, String feature) {
        byKey.remove(key(iface, feature));
    }

    List<OriginalFeature> all() {
        return new ArrayList<>(byKey.values());
    }

    void save() {
        try {
            PrivateFile.replace(file, mapper.writeValueAsBytes(all()));
        } catch (IOException e) {
            throw new OffloadException(ErrorKind.KERNEL, "cannot write the record of original feature values " + file + ": "
                    + e.getMessage(), e);
        }
    }
}
