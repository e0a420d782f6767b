package org.negotiationledger.api.problem;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page the servlet container forwards to when an answer fails outside Spring MVC's handlers: a
 * problem detail with the status the container set. Asked for directly, {@code /error} is a path like any
 * other that nothing answers at: 404 (Spring Boot's default answered 500 {@code "status": 999}).
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping(
            path = "/error",
            produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer c && c >= 400 ? c : HttpStatus.NOT_FOUND.value();
        ProblemType type = ProblemType.forStatus(status);
        String detail = code == null
                ? "nothing answers at /error; the paths are in /v3/api-docs"
                : status >= 500
                        ? "the server could not answer; nothing was recorded unless a 2xx said so"
                        : "the request was refused (" + status + ")";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
