package io.offloadctl.node.ffi;

/**
 * The feature bitmaps of one ETHTOOL_GFEATURES answer, one int per 32 features:
 * feature {@code i} is bit {@code i % 32} of word {@code i / 32}.
 */
public record FeatureWords(int[] available, int[] requested, int[] active, int[] neverChanged) {

    public int wordCount() {
        return active.length;
    }

    public static boolean bit(int[] words, int index) {
        return (words[index / 32] & (1 << (index % 32))) != 0;
    }
}
