package io.offloadctl.api.json;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.offloadctl.api.problem.ApiException;
import io.quarkus.runtime.configuration.MemorySize;

/**
 * Every request body, typed or raw, as it is read: no byte-order mark (RFC 8259 8.1: JSON text must
 * not begin with one), not the literal {@code null} (bodies read as bytes and parsed by the resource
 * are checked for it by JsonCodec.readRequest), and no longer than offloadctl.max-body-size. A body
 * that declares its length is refused before it is read (BodySizeLimit); one that does not (chunked)
 * is counted here, so it meets the same limit and the same 413 problem.
 */
@Provider
public class JsonBodies implements ReaderInterceptor {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final long limit;

    public JsonBodies(@ConfigProperty(name = "offloadctl.max-body-size") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        PushbackInputStream in = new PushbackInputStream(new Limited(context.getInputStream(), limit), BOM.length);
        byte[] head = in.readNBytes(BOM.length);
        if (head.length == BOM.length && head[0] == BOM[0] && head[1] == BOM[1] && head[2] == BOM[2]) {
            throw malformed("the body starts with a byte-order mark; send UTF-8 JSON without one (RFC 8259, section 8.1)");
        }
        in.unread(head);
        context.setInputStream(in);
        Object value = context.proceed();
        if (value == null) {
            throw nullBody();
        }
        return value;
    }

    public static ApiException malformed(String detail) {
        return new ApiException(400, "malformed-body", "Request body is not valid JSON for this operation", detail);
    }

    /** The literal {@code null} as a whole body. */
    public static ApiException nullBody() {
        return malformed("the body is JSON null; this operation needs a JSON object");
    }

    /** Refuses to read past the limit (with the 413 problem BodySizeLimit gives a declared length). */
    private static final class Limited extends FilterInputStream {
        private final long limit;
        private long read;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw ApiException.tooLarge("the body is larger than " + limit + " bytes, the most this API accepts");
            }
        }
    }
}
