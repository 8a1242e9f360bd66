package io.collectflow.contact.log;

import java.time.Instant;

import io.collectflow.contact.Channel;
import io.collectflow.contact.Operator;

/**
 * One contact made or attempted. {@code result}: SENT, FAILED, ANSWERED, NO_ANSWER, VISITED, ... —
 * only FAILED (nothing reached the borrower) is not counted by the frequency caps.
 */
public record ContactLogEntry(Long id, Instant occurredAt, String loanNo, String borrowerId, Channel channel,
        String purpose, String templateId, Integer templateVersion, String contentHash, String result,
        Operator operator, Long verdictId, String summary, String externalRef) {

    public static final String RESULT_SENT = "SENT";
    public static final String RESULT_FAILED = "FAILED";
}
