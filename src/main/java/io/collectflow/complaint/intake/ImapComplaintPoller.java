package io.collectflow.complaint.intake;

import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.collectflow.complaint.ComplaintProperties;
import io.collectflow.complaint.ComplaintService;
import io.collectflow.complaint.ComplaintSubmission;
import io.collectflow.complaint.InvalidComplaintException;
import io.collectflow.complaint.process.ComplaintIntake;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;

/**
 * Reads the complaints mailbox over IMAP: every unread message becomes a complaint (channel email) and is marked
 * seen. A message that cannot be a complaint (e.g. no sender address) is marked seen and logged; on a technical
 * failure it stays unread and is tried again at the next poll. The same Message-ID is never taken in twice.
 */
public class ImapComplaintPoller {

    private static final Logger LOG = LoggerFactory.getLogger(ImapComplaintPoller.class);

    /** What one poll did. */
    public record PollResult(int received, int rejected, int duplicates, int failed) {
    }

    private final ComplaintProperties.Imap imap;
    private final ComplaintIntake intake;
    private final ComplaintService complaints;
    private final MailComplaintReader reader;

    public ImapComplaintPoller(ComplaintProperties properties, ComplaintIntake intake, ComplaintService complaints) {
        this.imap = properties.getImap();
        this.intake = intake;
        this.complaints = complaints;
        this.reader = new MailComplaintReader(imap.getLoanNoPattern(), properties.getMaxTextLength());
    }

    public PollResult poll() throws MessagingException {
        Properties props = new Properties();
        String protocol = imap.getProtocol();
        String timeout = Long.toString(imap.getTimeout().toMillis());
        props.put("mail.store.protocol", protocol);
        props.put("mail." + protocol + ".connectiontimeout", timeout);
        props.put("mail." + protocol + ".timeout", timeout);
        Session session = Session.getInstance(props);
        int received = 0;
        int rejected = 0;
        int duplicates = 0;
        int failed = 0;
        try (Store store = session.getStore(protocol)) {
            store.connect(imap.getHost(), imap.getPort(), imap.getUser(), imap.getPassword());
            Folder folder = store.getFolder(imap.getFolder());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    switch (take(message)) {
                        case RECEIVED -> received++;
                        case REJECTED -> rejected++;
                        case DUPLICATE -> duplicates++;
                        case FAILED -> failed++;
                    }
                }
            } finally {
                folder.close(false);
            }
        }
        if (received + rejected + duplicates + failed > 0) {
            LOG.info("complaints mailbox: {} received, {} rejected, {} duplicates, {} failed", received, rejected,
                duplicates, failed);
        }
        return new PollResult(received, rejected, duplicates, failed);
    }

    private enum Outcome { RECEIVED, REJECTED, DUPLICATE, FAILED }

    private Outcome take(Message message) throws MessagingException {
        try {
            ComplaintSubmission submission = reader.read(message);
            Outcome outcome;
            if (complaints.alreadyReceived(submission.sourceRef())) {
                outcome = Outcome.DUPLICATE;
            } else {
                intake.submit(submission);
                outcome = Outcome.RECEIVED;
            }
            message.setFlag(Flags.Flag.SEEN, true);
            return outcome;
        } catch (InvalidComplaintException e) {
            LOG.warn("complaints mailbox: message {} is not a complaint we can take in ({}); marked seen",
                message.getMessageNumber(), e.getMessage());
            message.setFlag(Flags.Flag.SEEN, true);
            return Outcome.REJECTED;
        } catch (RuntimeException | java.io.IOException e) {
            LOG.error("complaints mailbox: message {} failed, left unread for the next poll", message.getMessageNumber(), e);
            message.setFlag(Flags.Flag.SEEN, false);
            return Outcome.FAILED;
        }
    }
}
