package org.opensupervision.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * The answer of a request that Tomcat refuses before the application sees it: an encoded NUL or slash in the path,
 * a request line or header over {@code server.max-http-request-header-size}, a broken escape. Tomcat's own report was
 * its HTML "HTTP Status 400" page, for the API too (issue 12, hostile input). Under {@code /api/} this answers problem
 * details (also when the request line was too long to read at all), elsewhere a plain error page in both languages;
 * no server name, version or exception either way. Installed as the host's error report valve by
 * {@link ContainerErrorReportConfiguration}.
 */
public class ContainerErrorReport extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String uri = request.getCoyoteRequest().requestURI().toString();
        // A request line too long to read leaves no address: problem details then, readable by a person too
        boolean api = uri == null || uri.isEmpty() || uri.startsWith("/api/") || uri.equals("/api");
        try {
            response.setCharacterEncoding("UTF-8");
            String text;
            if (api) {
                response.setContentType("application/problem+json");
                text = "{\"type\":\"" + (status == 400 ? ProblemTypes.MALFORMED : "about:blank") + "\","
                        + "\"title\":\"请求无效 / Bad request\",\"status\":" + status + ","
                        + "\"detail\":\"无法读取此请求（地址、请求头或请求体无效）。 / The request could not be read "
                        + "(its address, a header or its body is not valid).\"}";
            } else {
                response.setContentType("text/html;charset=UTF-8");
                text = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>" + status
                        + "</title></head><body><main><h1>请求无效 / Bad request (" + status + ")</h1>"
                        + "<p>无法读取此请求。 / The request could not be read.</p><p><a href=\"/\">首页 / Home</a></p>"
                        + "</main></body></html>";
            }
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(text);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing more to say
        }
    }
}
