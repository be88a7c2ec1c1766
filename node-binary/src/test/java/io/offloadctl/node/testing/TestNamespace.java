package io.offloadctl.node.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A network namespace made for one test, with a unique name, removed on {@link #close()} and,
 * should the JVM die first, by a shutdown hook. Interfaces are only ever created inside it.
 */
public final class TestNamespace implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Set<String> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(TestNamespace::delete)));
    }

    private final String name;

    private TestNamespace(String name) {
        this.name = name;
    }

    public static TestNamespace create(String purpose) {
        String name = "oct-" + purpose + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        Shell.run("ip", "netns", "add", name).orFail();
        LIVE.add(name);
        TestNamespace namespace = new TestNamespace(name);
        namespace.ip("link", "set", "lo", "up");
        return namespace;
    }

    /** Takes over a namespace a script made (bench/fault-lab.sh), so it is removed like the others. */
    public static TestNamespace adopt(String name) {
        LIVE.add(name);
        return new TestNamespace(name);
    }

    /**
     * The standard lab: a veth pair (va, vb), a bridge br0 with vb as its port, an ifb device and a
     * tap device, plus the namespace's loopback.
     */
    public static TestNamespace createLab(String purpose) {
        TestNamespace namespace = create(purpose);
        try {
            namespace.ip("link", "add", "va", "type", "veth", "peer", "name", "vb");
            namespace.ip("link", "add", "br0", "type", "bridge");
            namespace.ip("link", "set", "vb", "master", "br0");
            namespace.ip("link", "add", "ifb0", "type", "ifb");
            namespace.ip("tuntap", "add", "dev", "tap0", "mode", "tap");
            return namespace;
        } catch (RuntimeException e) {
            namespace.close();
            throw e;
        }
    }

    public static final List<String> LAB_INTERFACES = List.of("lo", "va", "vb", "br0", "ifb0", "tap0");

    public String name() {
        return name;
    }

    public String file() {
        return "/run/netns/" + name;
    }

    /** {@code ip -n NAME ARGS...}, failing the test when ip fails. */
    public Shell.Result ip(String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "-n", name));
        command.addAll(List.of(args));
        return Shell.run(command).orFail();
    }

    /** Runs a program inside the namespace ({@code ip netns exec}). */
    public Shell.Result exec(String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", name));
        command.addAll(List.of(args));
        return Shell.run(command);
    }

    /** The reference: {@code ethtool -k IFACE} inside the namespace. */
    public String ethtoolFeatures(String interfaceName) {
        return exec("ethtool", "-k", interfaceName).orFail().out();
    }

    @Override
    public void close() {
        delete(name);
        LIVE.remove(name);
    }

    private static void delete(String name) {
        Shell.run("ip", "netns", "del", name);
    }
}
