package io.offloadctl.api.json;

import java.io.IOException;
import java.io.PushbackInputStream;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import io.offloadctl.api.problem.ApiException;

/**
 * Every request body, typed or raw: no byte-order mark (RFC 8259 8.1: JSON text must not begin with
 * one), and a document, not the literal {@code null} (bodies read as bytes and parsed by the resource
 * are checked for it by JsonCodec.readRequest).
 */
@Provider
public class JsonBodies implements ReaderInterceptor {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        PushbackInputStream in = new PushbackInputStream(context.getInputStream(), BOM.length);
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

    /** The literal {@code null} as a whole body. */
    public static ApiException nullBody() {
        return malformed("the body is JSON null; this operation needs a JSON object");
    }

    public static ApiException malformed(String detail) {
        return new ApiException(400, "malformed-body", "Request body is not valid JSON for this operation", detail);
    }
}
