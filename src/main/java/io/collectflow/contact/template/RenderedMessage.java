package io.collectflow.contact.template;

import io.collectflow.contact.Channel;

/** A message ready for a channel: the text actually sent and what the contact log records about it. */
public record RenderedMessage(String loanNo, String borrowerId, Channel channel, String purpose, String templateId,
        int templateVersion, String language, String recipient, String subject, String text, String repaymentLink,
        String contentHash) {
}
