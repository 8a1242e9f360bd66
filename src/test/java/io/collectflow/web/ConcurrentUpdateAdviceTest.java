package io.collectflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

class ConcurrentUpdateAdviceTest {

    @Test
    void aRefusedConcurrentUpdateIsAConflictToSendAgain() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/plans/confirm/abc");
        ResponseEntity<ApiError> answer = new ConcurrentUpdateAdvice().concurrent(
            new OptimisticLockingException("ExecutionEntity was updated by another transaction concurrently"), request);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(answer.getBody().message()).contains("nothing was recorded", "send the request again");
        assertThat(answer.getBody().path()).isEqualTo("/api/plans/confirm/abc");
    }
}
