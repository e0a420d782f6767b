package org.negotiationledger.api.stream;

import org.negotiationledger.api.problem.ProblemException;
import org.negotiationledger.api.problem.ProblemType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** This node serves as many streams as it is configured to; the client should retry later or elsewhere. */
public class TooManySubscribersException extends ProblemException {

    public TooManySubscribersException(int max) {
        super(ProblemType.TOO_MANY_STREAMS, "this server already serves its limit of " + max + " streams; retry later");
        getHeaders().set(HttpHeaders.RETRY_AFTER, "10");
        // Asked for text/event-stream: the refusal is still problem details.
        getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
