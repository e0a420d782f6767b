package org.negotiationledger.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.negotiationledger.api.problem.ProblemType;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Problem details written straight to the response, for answers given before Spring MVC is reached. */
final class Problems {

    private Problems() {}

    static void write(HttpServletResponse response, ObjectMapper json, ProblemType type, String detail)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        ProblemDetail problem = type.problem(detail);
        response.setStatus(type.status().value());
        // Written before Spring Security's header writer may have run (the body checks come first).
        SecurityHeaders.write(response);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
