package org.negotiationledger.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.negotiationledger.api.problem.BodyTooLargeException;
import org.negotiationledger.api.problem.MalformedBodyException;
import org.negotiationledger.api.problem.ProblemType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads request bodies on the ledger's terms, before anything parses them:
 * <ul>
 * <li>larger than the limit: 413, at once when Content-Length says so, else while reading. No command comes
 * near the limit; without it a client could make the server buffer and parse any amount;</li>
 * <li>compressed ({@code Content-Encoding} other than {@code identity}) or declared in a charset other than
 * UTF-8: 415. The ledger decodes neither, and would otherwise read such a body as something it is not;</li>
 * <li>not well-formed UTF-8 ({@link Utf8Check}): 400.</li>
 * </ul>
 */
final class RequestBodyFilter extends OncePerRequestFilter {

    /** Where a body may be larger: the bulk import, whose file is many commands. */
    static final String IMPORTS = "/api/v1/imports";

    private final long commandLimit;
    private final long importLimit;
    private final ObjectMapper json;

    RequestBodyFilter(long commandLimit, long importLimit, ObjectMapper json) {
        this.commandLimit = commandLimit;
        this.importLimit = importLimit;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = IMPORTS.equals(request.getRequestURI()) ? importLimit : commandLimit;
        if (request.getContentLengthLong() > limit) {
            tooLarge(response, limit);
            return;
        }
        String encoding = request.getHeader("Content-Encoding");
        if (encoding != null && !encoding.strip().equalsIgnoreCase("identity")) {
            unsupported(
                    response,
                    "request bodies are read as sent: Content-Encoding '" + encoding
                            + "' is not accepted; send the body uncompressed");
            return;
        }
        String charset = charset(request.getHeader("Content-Type"));
        if (charset != null && !charset.equalsIgnoreCase("UTF-8")) {
            unsupported(response, "request bodies are UTF-8: charset '" + charset + "' is not accepted");
            return;
        }
        try {
            chain.doFilter(new Checked(request, limit), response);
        } catch (IOException | ServletException | RuntimeException e) {
            MalformedBodyException malformed = MalformedBodyException.in(e);
            if (malformed != null) {
                Problems.write(response, json, ProblemType.MALFORMED_REQUEST, malformed.getMessage());
            } else if (BodyTooLargeException.in(e) != null) {
                tooLarge(response, limit);
            } else {
                throw e;
            }
        }
    }

    /** The charset a Content-Type declares (as sent: the request's own encoding is forced to UTF-8 earlier). */
    private static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String[] nameValue = parameter.split("=", 2);
            if (nameValue.length == 2 && nameValue[0].strip().equalsIgnoreCase("charset")) {
                return nameValue[1].strip().replace("\"", "");
            }
        }
        return null;
    }

    private void unsupported(HttpServletResponse response, String detail) throws IOException {
        response.setHeader("Connection", "close");
        Problems.write(response, json, ProblemType.UNSUPPORTED_MEDIA_TYPE, detail);
    }

    private void tooLarge(HttpServletResponse response, long limit) throws IOException {
        // The rest of the body is not read; the connection is closed rather than kept for another request.
        response.setHeader("Connection", "close");
        Problems.write(
                response, json, ProblemType.REQUEST_TOO_LARGE, "a request body may be at most " + limit + " bytes");
    }

    /** A request whose body stream fails once more than the limit has been read, or on a malformed byte. */
    private static final class Checked extends HttpServletRequestWrapper {

        private final long limit;

        Checked(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;
                private final Utf8Check utf8 = new Utf8Check();

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                        utf8.accept(b);
                    } else {
                        utf8.end();
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                        utf8.accept(buffer, offset, n);
                    } else if (n < 0) {
                        utf8.end();
                    }
                    return n;
                }

                private void count(int n) throws BodyTooLargeException {
                    read += n;
                    if (read > limit) {
                        throw new BodyTooLargeException(limit);
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
