package org.negotiationledger.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Problem details written straight to the response, for answers given before Spring MVC is reached. */
final class Problems {

    static final String UNAUTHENTICATED = "urn:problem:negotiation-ledger:unauthenticated";
    static final String FORBIDDEN = "urn:problem:negotiation-ledger:forbidden";
    static final String TOO_LARGE = "urn:problem:negotiation-ledger:request-too-large";
    static final String REJECTED = "urn:problem:negotiation-ledger:malformed-request";
    static final String UNSUPPORTED = "urn:problem:negotiation-ledger:unsupported-media-type";
    static final String TOO_MANY_SIGN_INS = "urn:problem:negotiation-ledger:too-many-sign-ins";

    private Problems() {}

    static void write(
            HttpServletResponse response,
            ObjectMapper json,
            HttpStatus status,
            String type,
            String title,
            String detail)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(type));
        problem.setTitle(title);
        response.setStatus(status.value());
        // Written before Spring Security's header writer may have run (the body checks come first).
        SecurityHeaders.write(response);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
