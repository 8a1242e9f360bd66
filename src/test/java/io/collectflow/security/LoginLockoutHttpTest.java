package io.collectflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

/** Repeated failed logins lock the account: our HTTP Basic throttle and the engine's own login delay. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LoginLockoutHttpTest {

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    IdentityService identities;
    @Autowired
    LoginThrottle throttle;

    private void user(String id) {
        if (identities.createUserQuery().userId(id).count() == 0) {
            User user = identities.newUser(id);
            user.setPassword(id + "-pw");
            identities.saveUser(user);
        }
    }

    private HttpStatus get(String user, String password) {
        return HttpStatus.valueOf(anonymous.withBasicAuth(user, password)
            .getForEntity("/api/contact/outbox", String.class).getStatusCode().value());
    }

    @Test
    void fiveFailuresLockTheUserEvenForTheRightPassword() {
        user("lockme");
        assertThat(get("lockme", "lockme-pw")).isEqualTo(HttpStatus.OK);
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.isLocked("lockme")).as("after %d failures", i).isFalse();
            assertThat(get("lockme", "wrong-" + i)).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(throttle.isLocked("lockme")).isTrue();
        // well past the engine's own delay (3 s after the first failure, doubling, at most 60 s) is not
        // waited for here: the lock of our throttle holds 15 minutes by default
        assertThat(get("lockme", "lockme-pw")).isEqualTo(HttpStatus.UNAUTHORIZED);
        // other users are not affected
        user("bystander");
        assertThat(get("bystander", "bystander-pw")).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theEngineDelaysTheNextLoginAfterAFailure() {
        user("delayed");
        assertThat(identities.checkPassword("delayed", "nope")).isFalse();
        // the engine's login delay (loginDelayBase = 3 s) refuses even the right password right away
        assertThat(identities.checkPassword("delayed", "delayed-pw")).isFalse();
        assertThat(get("delayed", "delayed-pw")).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
