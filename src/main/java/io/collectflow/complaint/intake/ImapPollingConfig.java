package io.collectflow.complaint.intake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

import io.collectflow.complaint.ComplaintProperties;
import io.collectflow.complaint.ComplaintService;
import io.collectflow.complaint.process.ComplaintIntake;
import jakarta.mail.MessagingException;

/** Polls the complaints mailbox every {@code collectflow.complaint.imap.interval} when imap.enabled=true. */
@Configuration
@ConditionalOnProperty(name = "collectflow.complaint.imap.enabled", havingValue = "true")
public class ImapPollingConfig {

    private static final Logger LOG = LoggerFactory.getLogger(ImapPollingConfig.class);

    @Bean
    ImapComplaintPoller imapComplaintPoller(ComplaintProperties properties, ComplaintIntake intake,
            ComplaintService complaints) {
        return new ImapComplaintPoller(properties, intake, complaints);
    }

    @Bean
    ScheduledPoll scheduledComplaintPoll(ImapComplaintPoller poller) {
        return new ScheduledPoll(poller);
    }

    /** The scheduled call; a mailbox that cannot be reached is logged and tried again next time. */
    static class ScheduledPoll {
        private final ImapComplaintPoller poller;

        ScheduledPoll(ImapComplaintPoller poller) {
            this.poller = poller;
        }

        @Scheduled(initialDelayString = "${collectflow.complaint.imap.interval:PT1M}",
            fixedDelayString = "${collectflow.complaint.imap.interval:PT1M}")
        void poll() {
            try {
                poller.poll();
            } catch (MessagingException | RuntimeException e) {
                LOG.warn("complaints mailbox not reachable: {}", e.getMessage());
            }
        }
    }
}
