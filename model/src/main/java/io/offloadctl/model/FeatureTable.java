package io.offloadctl.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every named feature of one interface, in the kernel's bit order.
 *
 * @param interfaceName the interface these features belong to
 * @param wordCount     how many 32-bit words the kernel uses for its feature bitmaps
 * @param features      the features with a name, ordered by bit index
 */
public record FeatureTable(String interfaceName, int wordCount, List<Feature> features) {

    public FeatureTable {
        features = List.copyOf(features);
    }

    public Optional<Feature> feature(String kernelName) {
        return features.stream().filter(f -> f.name().equals(kernelName)).findFirst();
    }

    /** Features by kernel name, in bit order. */
    public Map<String, Feature> byName() {
        Map<String, Feature> map = new LinkedHashMap<>();
        features.forEach(f -> map.put(f.name(), f));
        return map;
    }

    public List<String> names() {
        return features.stream().map(Feature::name).toList();
    }
}
