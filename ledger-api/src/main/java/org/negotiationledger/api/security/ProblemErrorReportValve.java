package org.negotiationledger.api.security;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.negotiationledger.api.problem.ProblemType;

/**
 * Tomcat's own error answers, for requests it refuses before the application sees them (an encoded slash or
 * NUL in the path, a URL or header too large, too many headers, a method it does not serve), as problem
 * details with the security headers, in place of its HTML page.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.resetBuffer();
            if (status == 501) {
                // A method Tomcat does not serve at all (CONNECT): for this server, a method not allowed.
                status = 405;
                response.setStatus(status);
                response.setHeader("Allow", "GET, POST");
            }
            SecurityHeaders.write(response);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                ProblemType type = ProblemType.forStatus(status);
                writer.write("{\"type\":\"" + type.uri() + "\",\"title\":\"" + type.title() + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail(status) + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the answer already started: nothing more can be said.
        }
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 ->
                "the request was refused before it was read: its path, query, headers or their size are not "
                        + "allowed (an encoded slash, backslash or NUL, a URL over 8 KB, headers over 8 KB or more than "
                        + "100 of them)";
            case 405 -> "this method is not served; the ledger answers GET and POST";
            default -> "the server refused the request (" + status + ")";
        };
    }
}
