package io.offloadctl.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs programs for end-to-end tests: bounded in time, output captured, failures explained. */
final class Processes {

    private Processes() {
    }

    /** Runs a command and returns its output; a non-zero exit fails the test. */
    static String run(String... command) throws Exception {
        Result result = exec(Map.of(), List.of(command));
        if (result.exitCode() != 0) {
            throw new IllegalStateException(List.of(command) + " exited " + result.exitCode() + ": " + result.output());
        }
        return result.output();
    }

    record Result(int exitCode, String output) {
    }

    static Result exec(Map<String, String> environment, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** The node binary's launcher, built earlier in the reactor, with a token in its environment. */
    static Result offloadctl(String token, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(System.getProperty("offloadctl.test.node-binary")));
        command.addAll(List.of(args));
        return exec(Map.of("OFFLOADCTL_TOKEN", token), command);
    }

    /**
     * A network namespace standing in for a node: a bridge br0 with the veth port vb and the tap
     * tap0, and va, the veth's other end, outside the bridge. Removed by {@link #deleteNamespace}.
     */
    static void createNode(String namespace) throws Exception {
        run("ip", "netns", "add", namespace);
        run("ip", "-n", namespace, "link", "add", "va", "type", "veth", "peer", "name", "vb");
        run("ip", "-n", namespace, "link", "add", "br0", "type", "bridge");
        run("ip", "-n", namespace, "link", "set", "vb", "master", "br0");
        run("ip", "-n", namespace, "tuntap", "add", "dev", "tap0", "mode", "tap");
        run("ip", "-n", namespace, "link", "set", "tap0", "master", "br0");
    }

    static void deleteNamespace(String namespace) throws Exception {
        exec(Map.of(), List.of("ip", "netns", "del", namespace));
    }

    /** {@code ethtool -k IFACE} inside the namespace. */
    static String features(String namespace, String iface) throws Exception {
        return run("ip", "netns", "exec", namespace, "ethtool", "-k", iface);
    }

    /** A feature's value as {@code ethtool -k IFACE} inside the namespace shows it ("on", "off"; without "[fixed]"). */
    static String feature(String namespace, String iface, String ethtoolName) throws Exception {
        for (String line : features(namespace, iface).split("\n")) {
            if (line.startsWith(ethtoolName + ": ")) {
                return line.substring(ethtoolName.length() + 2).replace(" [fixed]", "");
            }
        }
        throw new AssertionError(iface + " has no " + ethtoolName);
    }

    /** Polls {@code condition} until it holds, failing beyond {@code limit} with {@code hint} (where to look). */
    static void await(String what, java.time.Duration limit, java.util.concurrent.Callable<Boolean> condition, String hint)
            throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + limit.toMillis() + " ms; " + hint);
            }
            Thread.sleep(20);
        }
    }
}
