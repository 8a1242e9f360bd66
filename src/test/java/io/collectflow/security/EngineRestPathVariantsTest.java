package io.collectflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import io.collectflow.security.authz.StartupGrants;

/**
 * The engine REST API under spellings of its path that a servlet container maps to it (path parameters, doubled or
 * encoded slashes): never without a login, and never as a logged-in user without the engine's authorization checks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.authorization.enabled=true")
@ActiveProfiles("test")
class EngineRestPathVariantsTest {

    private static final List<String> VARIANTS = List.of("/engine-rest;x/user", "/engine-rest;x=1/user",
        "/engine-rest/;x/user", "/engine-rest//user", "/engine-rest/%2e/user", "/engine-rest%2Fuser");

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identities;
    @Autowired
    StartupGrants grants;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void users() {
        SecurityTestUsers.ensure(identities, grants);
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (user != null) {
            request.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutALoginEverySpellingIsRefused() throws Exception {
        for (String path : VARIANTS) {
            int status = get(path, null).statusCode();
            assertThat(status).as(path).isIn(400, 401, 404);
        }
    }

    @Test
    void aCollectorSeesNoMoreUnderAnotherSpellingThanUnderThePlainPath() throws Exception {
        HttpResponse<String> plain = get("/engine-rest/user", "collector1");
        for (String path : VARIANTS) {
            HttpResponse<String> answer = get(path, "collector1");
            assertThat(answer.statusCode()).as(path).isNotEqualTo(500);
            if (answer.statusCode() == 200) {
                assertThat(answer.body()).as(path).isEqualTo(plain.body());
            }
        }
    }
}
