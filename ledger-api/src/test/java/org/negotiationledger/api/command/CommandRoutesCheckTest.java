package org.negotiationledger.api.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.command.CommandRequests.AgreeTruceRequest;
import org.negotiationledger.api.command.CommandRequests.MakePledgeRequest;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The start refuses controllers and a route table that differ; the application's own agree. */
class CommandRoutesCheckTest {

    @Test
    void theApplicationsControllersAgreeWithTheTable() {
        var scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        List<Class<?>> controllers = scan.findCandidateComponents("org.negotiationledger.api").stream()
                .<Class<?>>map(bean -> load(bean.getBeanClassName()))
                .filter(CommandRoutesCheckTest::notATests)
                .toList();

        assertThat(CommandRoutesCheck.disagreements(mapping(controllers).getHandlerMethods(), CommandRoutes.ALL))
                .isEmpty();
    }

    @Test
    void refusesToStartWhenAMappingAndItsRouteDiffer() {
        var check = new CommandRoutesCheck(mapping(List.of(Astray.class)));

        assertThatThrownBy(check::afterSingletonsInstantiated)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "takes MakePledgeRequest at /api/v1/truces, where its route takes AgreeTruceRequest")
                .hasMessageContaining("answers a command at /api/v1/treaties, which is not in CommandRoutes")
                .hasMessageContaining("answers a command to [PUT], not to POST alone")
                .hasMessageContaining("/api/v1/pledges: 0 command endpoints, where its route needs one")
                .hasMessageContaining(
                        "/api/v1/pledges: its records' location /api/v1/commitments/{commitmentId} is not a path served");
    }

    /** Each way a controller can go astray of the table. */
    @RestController
    static class Astray {

        @PostMapping(CommandRoutes.TRUCES)
        ResponseEntity<CommandResponses> agreeTruce(@RequestBody MakePledgeRequest body) {
            return null;
        }

        @PostMapping("/api/v1/treaties")
        ResponseEntity<CommandResponses> treaty(@RequestBody AgreeTruceRequest body) {
            return null;
        }

        @PutMapping(CommandRoutes.STATEMENTS)
        ResponseEntity<CommandResponses> statement(@RequestBody CommandRequests.IssueStatementRequest body) {
            return null;
        }

        @GetMapping("/api/v1/elsewhere")
        String notACommand() {
            return null;
        }
    }

    /** The mappings Spring MVC makes of these controllers, read from their types (none is made). */
    private static RequestMappingHandlerMapping mapping(List<Class<?>> controllers) {
        var context = new GenericApplicationContext();
        for (Class<?> controller : controllers) {
            var bean = new RootBeanDefinition(controller);
            bean.setLazyInit(true);
            context.registerBeanDefinition(controller.getName(), bean);
        }
        context.refresh();
        var mapping = new RequestMappingHandlerMapping();
        mapping.setApplicationContext(context);
        mapping.afterPropertiesSet();
        return mapping;
    }

    /** The application's classes, not one a test declares (as this one's {@link Astray}). */
    private static boolean notATests(Class<?> type) {
        return !type.getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .getPath()
                .contains("test-classes");
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
