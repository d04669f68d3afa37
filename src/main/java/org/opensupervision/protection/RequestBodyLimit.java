package org.opensupervision.protection;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.opensupervision.web.BufferedRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above {@code supervision.protection.max-body-size} with 413. A body of announced length is
 * judged by its {@code Content-Length}; a streamed (chunked) one is read up to the limit first, and passed on from
 * memory when it fits. Form posts of unknown length are bounded by Tomcat's {@code max-http-form-post-size}. The
 * Camunda webapps and engine API (logged-in staff, deployments) keep Tomcat's own limits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimit extends OncePerRequestFilter {

    private final ProtectionProperties properties;
    private final RejectedRequests rejected;

    RequestBodyLimit(ProtectionProperties properties, RejectedRequests rejected) {
        this.properties = properties;
        this.rejected = rejected;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Normalised: /engine-rest/../api/complaints is /api/complaints to the container, and limited as such.
        String path = RequestPaths.normalised(request);
        return path.startsWith("/camunda/") || path.startsWith("/engine-rest/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = RequestPaths.normalised(request);
        long max = ProtectionProperties.BATCH_PATHS.contains(path) ? properties.maxBatchBodySize().toBytes()
                : properties.maxBodySize().toBytes();
        long announced = request.getContentLengthLong();
        if (announced > max) {
            refuse(request, response);
            return;
        }
        boolean streamed = announced < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        boolean form = request.getContentType() != null
                && request.getContentType().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
        if (streamed && !form) {
            byte[] body = readAtMost(request.getInputStream(), max + 1);
            if (body.length > max) {
                refuse(request, response);
                return;
            }
            chain.doFilter(new BufferedRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        rejected.reject(request, response, HttpStatus.PAYLOAD_TOO_LARGE, RejectedRequests.PAYLOAD_TOO_LARGE,
                "problem.payloadTooLarge");
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
    }
}
