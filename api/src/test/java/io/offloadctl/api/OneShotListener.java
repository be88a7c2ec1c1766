package io.offloadctl.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A TCP probe target on loopback that completes exactly one connection: an agent's probe before a
 * change gets through, every one after it fails, as if the change had cut the node off. By the
 * kernel, not by timing: a socket listening with a backlog of 0 that never accepts takes one
 * connection into its accept queue and drops every later SYN (the queue is full), so a later
 * probe times out however fast it comes. (A listener that accepts once and then closes raced a
 * fast agent: a second connection could complete in the backlog before the close.) Java cannot
 * listen with a backlog of 0 (it takes that as "the default"), so python3 holds the socket.
 */
final class OneShotListener implements AutoCloseable {

    private static final String LISTENER = String.join("\n",
            "import socket, sys, time",
            "s = socket.socket()",
            "s.bind(('127.0.0.1', 0))",
            "s.listen(0)",
            "print(s.getsockname()[1], flush=True)",
            "time.sleep(600)");

    private final Process process;
    private final int port;

    OneShotListener() throws IOException {
        process = new ProcessBuilder("python3", "-c", LISTENER).redirectErrorStream(true).start();
        String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
        try {
            port = Integer.parseInt(line == null ? "" : line.trim());
        } catch (NumberFormatException e) {
            process.destroyForcibly();
            throw new IOException("the one-shot listener did not start: " + line, e);
        }
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
