package io.offloadctl.api;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP probe target on loopback that accepts exactly one connection and then stops listening: an
 * agent's probe before a change gets through, the one after it is refused, as if the change had
 * cut the node off.
 */
final class OneShotListener implements AutoCloseable {

    private final ServerSocket socket;

    OneShotListener() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(() -> {
            try (Socket first = socket.accept()) {
                socket.close();
            } catch (IOException closed) {
                // closed by the test
            }
        });
    }

    int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
