package io.offloadctl.node.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a program with a time limit and captures its output: the reference tools (ethtool, ip). */
public final class Shell {

    private static final long TIMEOUT_SECONDS = 30;

    private Shell() {
    }

    public record Result(int exitCode, String out, String err) {
        public Result orFail() {
            if (exitCode != 0) {
                throw new IllegalStateException("exit " + exitCode + ": " + err + out);
            }
            return this;
        }
    }

    public static Result run(String... command) {
        return run(List.of(command));
    }

    public static Result run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            // A thread each: on the common pool (one thread on two cores) stderr would wait for stdout's end,
            // and a process that fills its stderr pipe would never get there.
            CompletableFuture<String> out = new CompletableFuture<>();
            CompletableFuture<String> err = new CompletableFuture<>();
            drain(process.getInputStream(), out);
            drain(process.getErrorStream(), err);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void drain(java.io.InputStream stream, CompletableFuture<String> text) {
        Thread.ofVirtual().start(() -> {
            try {
                text.complete(read(stream));
            } catch (RuntimeException e) {
                text.completeExceptionally(e);
            }
        });
    }

    private static String read(java.io.InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
