package io.collectflow.complaint;

import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import io.collectflow.contact.Channel;
import io.collectflow.contact.channel.ContactChannels;
import io.collectflow.contact.template.MessageComposer;
import io.collectflow.contact.template.RenderedMessage;

/**
 * Writes to the complainant through the contact channels (outbox in the demo, SMTP/SMS gateway live): e-mail
 * when we have an address, else SMS. This is a reply to the complainant, not collection contact, so it does
 * not pass the collection compliance guard (which would block it while the complaint is open).
 */
@Component
public class ComplaintNotifier {

    public static final String PURPOSE_ACKNOWLEDGEMENT = "COMPLAINT_ACK";
    public static final String PURPOSE_FEEDBACK = "COMPLAINT_FEEDBACK";
    /** Returned when the complainant left neither e-mail nor phone. */
    public static final String NO_CHANNEL = "none";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    private final ContactChannels channels;
    private final ComplaintProperties properties;

    public ComplaintNotifier(ContactChannels channels, ComplaintProperties properties) {
        this.channels = channels;
        this.properties = properties;
    }

    /** @return the channel code used (email, sms) or {@link #NO_CHANNEL} */
    public String acknowledge(Complaint c) {
        String text = "Dear " + c.complainantName() + ",\n\nwe have registered your complaint " + c.complaintNo()
            + ". We will tell you the outcome by " + WHEN.format(c.resolveBy().atZone(properties.getZone()))
            + " at the latest. Please quote the reference " + c.complaintNo() + " if you contact us.\n";
        return send(c, PURPOSE_ACKNOWLEDGEMENT, "Your complaint " + c.complaintNo() + " is registered", text);
    }

    /** @return the channel code used (email, sms) or {@link #NO_CHANNEL} */
    public String feedback(Complaint c) {
        ComplaintDecision decision = ComplaintDecision.parse(c.decision()).orElseThrow();
        String text = "Dear " + c.complainantName() + ",\n\nwe have investigated your complaint " + c.complaintNo()
            + ". Our decision: your complaint is " + decision.wording() + ".\n\n"
            + (c.remedy() == null || c.remedy().isBlank() ? "" : "What we do about it: " + c.remedy().strip() + "\n\n")
            + "If you are not satisfied, reply to this message quoting " + c.complaintNo()
            + "; you may also contact the financial consumer protection authority.\n";
        return send(c, PURPOSE_FEEDBACK, "Outcome of your complaint " + c.complaintNo(), text);
    }

    private String send(Complaint c, String purpose, String subject, String text) {
        Channel channel;
        String recipient;
        if (c.complainantEmail() != null) {
            channel = Channel.EMAIL;
            recipient = c.complainantEmail();
        } else if (c.complainantPhone() != null) {
            channel = Channel.SMS;
            recipient = c.complainantPhone();
        } else {
            return NO_CHANNEL;
        }
        RenderedMessage message = new RenderedMessage(c.linkedLoanNo(), c.borrowerId(), channel, purpose,
            purpose + "/en/a", 1, "en", recipient, subject, text, null, MessageComposer.sha256(text));
        channels.forChannel(channel).send(message, java.util.UUID.randomUUID().toString());
        return channel.code();
    }
}
