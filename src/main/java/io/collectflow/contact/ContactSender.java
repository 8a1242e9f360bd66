package io.collectflow.contact;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.collectflow.contact.channel.ContactChannels;
import io.collectflow.contact.channel.DeliveryException;
import io.collectflow.contact.channel.SendReceipt;
import io.collectflow.contact.channel.UndeliverableException;
import io.collectflow.contact.compliance.ComplianceService;
import io.collectflow.contact.compliance.RecordedVerdict;
import io.collectflow.contact.log.ContactLog;
import io.collectflow.contact.log.ContactLogEntry;
import io.collectflow.contact.template.MessageComposer;
import io.collectflow.contact.template.RenderedMessage;

/**
 * Sends an automated contact: asks the guard again at the moment of sending (a retry may come later than the
 * first check), renders the next template variant, hands it to the channel and writes the contact log.
 * A failed attempt is logged in its own transaction so the log keeps it even when the caller rolls back.
 */
@Service
public class ContactSender {

    private final ComplianceService compliance;
    private final MessageComposer composer;
    private final ContactChannels channels;
    private final ContactLog contactLog;
    private final TransactionTemplate separateTransaction;

    public ContactSender(ComplianceService compliance, MessageComposer composer, ContactChannels channels,
            ContactLog contactLog, PlatformTransactionManager transactions) {
        this.compliance = compliance;
        this.composer = composer;
        this.channels = channels;
        this.contactLog = contactLog;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * @return the contact-log id of the sent message
     * @throws ContactBlockedException the guard forbids the contact now
     * @throws UndeliverableException never deliverable on this channel (logged as FAILED)
     * @throws DeliveryException technical failure, try again later (logged as FAILED)
     */
    public long send(String loanNo, Channel channel, String purpose, Instant at) {
        return send(loanNo, channel, purpose, at, UUID.randomUUID().toString());
    }

    /** As {@link #send(String, Channel, String, Instant)}, with the reference vendors use to drop duplicates. */
    public long send(String loanNo, Channel channel, String purpose, Instant at, String deliveryReference) {
        RecordedVerdict verdict = compliance.check(loanNo, channel, Operator.SYSTEM, at);
        if (!verdict.verdict().allowed()) {
            throw new ContactBlockedException("contact with loan " + loanNo + " blocked: " + verdict.verdict().reasons(),
                verdict);
        }
        RenderedMessage message = composer.compose(loanNo, channel, purpose);
        SendReceipt receipt;
        try {
            if (message.recipient() == null || message.recipient().isBlank()) {
                throw new UndeliverableException("the borrower of loan " + loanNo + " has no "
                    + (channel == Channel.EMAIL ? "e-mail address" : "phone number"));
            }
            receipt = channels.forChannel(channel).send(message, deliveryReference);
        } catch (UndeliverableException | DeliveryException e) {
            separateTransaction.executeWithoutResult(
                tx -> contactLog.append(entry(message, at, ContactLogEntry.RESULT_FAILED, verdict.id(), e.getMessage(), null)));
            throw e;
        }
        return contactLog.append(entry(message, at, ContactLogEntry.RESULT_SENT, verdict.id(), null, receipt.externalRef()));
    }

    private static ContactLogEntry entry(RenderedMessage m, Instant at, String result, long verdictId, String summary,
            String externalRef) {
        return new ContactLogEntry(null, at, m.loanNo(), m.borrowerId(), m.channel(), m.purpose(), m.templateId(),
            m.templateVersion(), m.contentHash(), result, Operator.SYSTEM, verdictId, summary, externalRef);
    }
}
