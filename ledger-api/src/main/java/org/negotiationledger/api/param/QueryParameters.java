package org.negotiationledger.api.param;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.negotiationledger.api.problem.InvalidFieldException;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Query parameters read as strictly as bodies: a value is taken exactly as sent, so one with white space around
 * it, or a control character in it, is refused (400, naming the parameter). Spring's conversion trims before it
 * reads an enum ({@code status=VIOLATED%20} was read as {@code VIOLATED}), which bodies do not allow. Times are
 * read by {@link QueryTimes}.
 */
@Configuration(proxyBeanMethods = false)
class QueryParameters implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(new QueryTimes());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                for (Map.Entry<String, String[]> parameter :
                        request.getParameterMap().entrySet()) {
                    for (String value : parameter.getValue()) {
                        check(parameter.getKey(), value);
                    }
                }
                return true;
            }
        });
    }

    private static void check(String name, String value) {
        if (!value.equals(value.strip())) {
            throw new InvalidFieldException(name, "must not begin or end with white space");
        }
        String problem = CleanText.problem(value);
        if (problem != null) {
            throw new InvalidFieldException(name, problem);
        }
    }
}
