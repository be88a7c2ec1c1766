package io.offloadctl.node.perf;

/**
 * One stream's outcome: bytes the receiving side took in the measured window, the window's
 * length, and the sender's retransmissions (-1 when the sender was the other side).
 */
public record StreamResult(long bytes, long nanos, long retransmissions) {

    public double bitsPerSecond() {
        return nanos <= 0 ? 0 : bytes * 8e9 / nanos;
    }
}
