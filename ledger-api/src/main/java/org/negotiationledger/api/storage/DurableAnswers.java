package org.negotiationledger.api.storage;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every answer to a read is on disk before it is sent ({@link DurableReads}): a view, a record, an import's
 * progress or a page of the history that a client has seen is not taken back by a crash a moment later.
 * Commands need no such step: their {@code 201} follows their own commit, which writes before it returns.
 */
@ControllerAdvice
class DurableAnswers implements ResponseBodyAdvice<Object> {

    private final DurableReads durable;

    DurableAnswers(DurableReads durable) {
        this.durable = durable;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        // A problem reports nothing as recorded, nor does health or a metric; and each must answer when the store
        // cannot (a full disk), so none may need it.
        if (body instanceof ProblemDetail || request.getURI().getPath().startsWith("/actuator")) {
            return body;
        }
        if (HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod())) {
            durable.confirm();
        }
        return body;
    }
}
