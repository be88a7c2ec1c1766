import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 keep-alive connection that sends requests whose bodies are prepared once and reads
 * the status of each answer, skipping its body (Content-Length or chunked). It exists so the load
 * generator, which shares the API's two cores, spends as little CPU per request as it can:
 * java.net.http copies and re-encodes every 21 KB body and runs its own selector thread.
 */
final class KeepAliveConnection implements AutoCloseable {

    private final String host;
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] skip = new byte[16 * 1024];

    KeepAliveConnection(URI base) throws IOException {
        host = base.getHost() + ":" + base.getPort();
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
        socket.setSoTimeout(30_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    /** Sends METHOD PATH with the given headers and body; returns the answer's status code. */
    int send(String method, String path, String headers, byte[] body) throws IOException {
        String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + headers
                + "Content-Length: " + body.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        return readAnswer();
    }

    private int readAnswer() throws IOException {
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                skip(size);
                line();
            }
            line();
        } else if (length > 0) {
            skip(length);
        }
        return code;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed by the server");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private void skip(long count) throws IOException {
        while (count > 0) {
            int n = in.read(skip, 0, (int) Math.min(skip.length, count));
            if (n < 0) {
                throw new IOException("connection closed by the server");
            }
            count -= n;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
