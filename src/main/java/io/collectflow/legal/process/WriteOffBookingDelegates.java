package io.collectflow.legal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.collectflow.legal.WriteOffService;

/** The two ends of a write-off request: booked, or rejected with the approver's reason. */
@Configuration
public class WriteOffBookingDelegates {

    @Bean
    JavaDelegate writeOffBookingDelegate(WriteOffService writeOffs) {
        return execution -> writeOffs.writeOff(requestId(execution));
    }

    @Bean
    JavaDelegate writeOffRejectionDelegate(WriteOffService writeOffs) {
        return execution -> {
            Object comment = execution.getVariable(WriteOffVars.COMMENT);
            String reason = comment == null ? "rejected" : comment.toString();
            writeOffs.reject(requestId(execution), reason);
            execution.setVariable(WriteOffVars.REJECTION_REASON, reason);
        };
    }

    private static long requestId(DelegateExecution execution) {
        return ((Number) execution.getVariable(WriteOffVars.REQUEST_ID)).longValue();
    }
}
