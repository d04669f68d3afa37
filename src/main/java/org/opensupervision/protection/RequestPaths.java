package org.opensupervision.protection;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * The path a request really asks for, as the servlet container and Spring MVC will map it: the raw request URI
 * spells the same resource in many ways ({@code /api/%63omplaints}, {@code /api//complaints},
 * {@code /api/./complaints}, {@code /api/complaints;jsessionid=x}, {@code /api/complaints/}), and a limit matched on
 * the raw spelling is bypassed by any of them. Path parameters are dropped per segment, then percent-escapes decoded
 * (once, as the container does), empty and {@code .} segments dropped, {@code ..} resolved, and the result lower-cased
 * (a limit errs on the side of counting a variant that would only get 404).
 */
final class RequestPaths {

    private RequestPaths() {
    }

    /** The normalised path of the request within the application, e.g. {@code /api/complaints}. */
    static String normalised(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        if (context != null && !context.isEmpty() && uri.startsWith(context)) {
            uri = uri.substring(context.length());
        }
        return normalised(uri);
    }

    /** The normalised form of a raw (still percent-encoded) path. */
    static String normalised(String rawPath) {
        Deque<String> segments = new ArrayDeque<>();
        for (String raw : rawPath.split("/")) {
            int parameters = raw.indexOf(';');
            String segment = decode(parameters < 0 ? raw : raw.substring(0, parameters));
            // An encoded slash decodes into two segments; the container refuses it, a limit still counts it.
            for (String part : segment.split("/")) {
                if (part.isEmpty() || part.equals(".")) {
                    continue;
                }
                if (part.equals("..")) {
                    segments.pollLast();
                } else {
                    segments.addLast(part.toLowerCase(Locale.ROOT));
                }
            }
        }
        return "/" + String.join("/", segments);
    }

    private static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%' && i + 2 < segment.length() && hex(segment.charAt(i + 1)) >= 0
                    && hex(segment.charAt(i + 2)) >= 0) {
                bytes.write(hex(segment.charAt(i + 1)) * 16 + hex(segment.charAt(i + 2)));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
