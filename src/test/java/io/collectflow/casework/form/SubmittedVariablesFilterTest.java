package io.collectflow.casework.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@link SubmittedVariablesFilter}: which requests complete a task (the engine's REST API in its spellings, the
 * webapps' API Tasklist posts to) and what they submit; the request reaches the REST API with its body intact.
 */
class SubmittedVariablesFilterTest {

    private static MockHttpServletRequest post(String uri, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    @Test
    void theCompletionsOfTheRestApiAndOfTasklistAreRecognised() {
        for (String uri : new String[] {"/engine-rest/task/t-1/complete", "/engine-rest/task/t-1/submit-form",
            "/engine-rest/engine/default/task/t-1/complete", "/camunda/api/engine/engine/default/task/t-1/submit-form",
            "/engine-rest//task/t-1/complete/", "/engine-rest/task/t%2D1/complete"}) {
            assertThat(SubmittedVariablesFilter.taskId(post(uri, "{}"))).as(uri).isEqualTo("t-1");
        }
        for (String uri : new String[] {"/engine-rest/task/t-1/variables", "/engine-rest/task/t-1/resolve",
            "/engine-rest/process-definition/p-1/submit-form", "/api/task/t-1/complete"}) {
            assertThat(SubmittedVariablesFilter.taskId(post(uri, "{}"))).as(uri).isNull();
        }
        MockHttpServletRequest deployed = post("/collectflow/engine-rest/task/t-2/complete", "{}");
        deployed.setContextPath("/collectflow");
        assertThat(SubmittedVariablesFilter.taskId(deployed)).isEqualTo("t-2");
    }

    @Test
    void theSubmittedNamesAreKnownDuringTheCompletionAndTheBodyIsPassedOn() throws Exception {
        String body = "{\"variables\": {\"planApproved\": {\"value\": true}, \"planId\": {\"value\": \"abc\"}}}";
        AtomicReference<Object> seen = new AtomicReference<>();
        AtomicReference<String> passedOn = new AtomicReference<>();
        MockFilterChain chain = new MockFilterChain() {
            @Override
            public void doFilter(ServletRequest request, ServletResponse response) {
                seen.set(SubmittedVariables.to("t-1").orElse(null));
                try {
                    passedOn.set(new String(((HttpServletRequest) request).getInputStream().readAllBytes(),
                        StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        new SubmittedVariablesFilter().doFilter(post("/engine-rest/task/t-1/complete", body),
            new MockHttpServletResponse(), chain);
        assertThat(seen.get()).asInstanceOf(InstanceOfAssertFactories.collection(String.class))
            .containsExactlyInAnyOrder("planApproved", "planId");
        assertThat(passedOn.get()).isEqualTo(body);
        assertThat(SubmittedVariables.to("t-1")).as("forgotten after the request").isEmpty();

        assertThat(SubmittedVariablesFilter.variableNames("not json".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(SubmittedVariablesFilter.variableNames("{}".getBytes(StandardCharsets.UTF_8))).isNull();
    }
}
