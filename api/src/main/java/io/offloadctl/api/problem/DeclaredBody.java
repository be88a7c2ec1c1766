package io.offloadctl.api.problem;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

/**
 * What a request's headers say about its body. Only HTTP/1.x headers can tell: there a body is
 * announced by Content-Length or Transfer-Encoding, while an HTTP/2 request need not send a length.
 */
final class DeclaredBody {

    private DeclaredBody() {
    }

    /** HTTP/1.x with a Content-Length above zero: the body's size is known before it arrives. */
    static boolean hasLength(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        return request.version() != HttpVersion.HTTP_2 && length != null && !isZero(length);
    }

    /** HTTP/1.x with neither a Content-Length above zero nor Transfer-Encoding: no body at all. */
    static boolean isAbsent(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        return request.version() != HttpVersion.HTTP_2 && request.getHeader("Transfer-Encoding") == null
                && (length == null || isZero(length));
    }

    private static boolean isZero(String length) {
        return length.strip().equals("0");
    }
}
