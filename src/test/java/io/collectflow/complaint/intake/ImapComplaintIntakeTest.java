package io.collectflow.complaint.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.collectflow.complaint.ComplaintProperties;
import io.collectflow.complaint.ComplaintService;
import io.collectflow.complaint.ComplaintTestData;
import io.collectflow.complaint.process.ComplaintIntake;
import io.collectflow.complaint.process.ComplaintProcess;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** The mailbox poller against an in-process IMAP server (GreenMail) with the application's real intake. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ImapComplaintIntakeTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetup.dynamicPort(new ServerSetup[] {
        ServerSetupTest.IMAP }));

    @Autowired ComplaintIntake intake;
    @Autowired ComplaintService complaints;
    @Autowired RuntimeService runtime;
    @Autowired JdbcClient jdbc;

    private ImapComplaintPoller poller(String password) {
        ComplaintProperties properties = new ComplaintProperties();
        ComplaintProperties.Imap imap = properties.getImap();
        imap.setProtocol("imap");
        imap.setHost("127.0.0.1");
        imap.setPort(MAIL.getImap().getPort());
        imap.setUser("complaints");
        imap.setPassword(password);
        return new ImapComplaintPoller(properties, intake, complaints);
    }

    private static MimeMessage mail(String from, String subject, String text, String messageId) throws Exception {
        MimeMessage message = new MimeMessage(GreenMailUtil.getSession(ServerSetupTest.SMTP)) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, "complaints@collectflow.example");
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        message.saveChanges();
        return message;
    }

    @Test
    void unreadMailsBecomeComplaintsLinkedToTheirLoanAndAreMarkedSeenOnce() throws Exception {
        String loanNo = "IMAP-42";
        String borrower = ComplaintTestData.loan(jdbc, loanNo);
        GreenMailUser box = MAIL.setUser("complaints@collectflow.example", "complaints", "secret");
        box.deliver(mail("\"Chen Jing\" <chen.jing@example.com>", "Complaint about loan no. " + loanNo,
            "Your agent visited my neighbours and told them about my debt.", "<m1@example.com>"));
        box.deliver(mail("noreply@example.com", "<b>hello</b>", "<script>alert(1)</script> no loan here, just rude calls",
            "<m2@example.com>"));
        box.deliver(mail("chen.jing@example.com", "Same mail again", "resent", "<m1@example.com>"));

        ImapComplaintPoller.PollResult first = poller("secret").poll();
        assertThat(first).isEqualTo(new ImapComplaintPoller.PollResult(2, 0, 1, 0));

        Map<String, Object> row = jdbc.sql("SELECT * FROM complaint WHERE source_ref = 'mail:<m1@example.com>'")
            .query().singleRow();
        assertThat(row.get("CHANNEL")).isEqualTo("EMAIL");
        // stored sealed (security.pii.ComplainantPii); the service reads it back in clear
        assertThat((String) row.get("COMPLAINANT_NAME")).isNotEqualTo("Chen Jing").doesNotContain("Chen");
        assertThat((String) row.get("COMPLAINANT_EMAIL")).doesNotContain("chen.jing");
        assertThat(complaints.get((String) row.get("COMPLAINT_NO")).complainantName()).isEqualTo("Chen Jing");
        assertThat(complaints.get((String) row.get("COMPLAINT_NO")).complainantEmail()).isEqualTo("chen.jing@example.com");
        assertThat(row.get("LINKED_LOAN_NO")).isEqualTo(loanNo);
        assertThat(row.get("BORROWER_ID")).isEqualTo(borrower);
        assertThat((String) row.get("COMPLAINT_TEXT")).startsWith("Subject: Complaint about loan no. " + loanNo)
            .contains("told them about my debt");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.PROCESS_KEY)
            .processInstanceBusinessKey((String) row.get("COMPLAINT_NO")).count()).isEqualTo(1);

        String second = jdbc.sql("SELECT complaint_text FROM complaint WHERE source_ref = 'mail:<m2@example.com>'")
            .query(String.class).single();
        assertThat(second).isEqualTo("Subject: <b>hello</b>\n\n<script>alert(1)</script> no loan here, just rude calls");

        List<MimeMessage> stored = Arrays.asList(MAIL.getReceivedMessages());
        assertThat(stored).hasSize(3).allSatisfy(m -> assertThat(m.getFlags().contains(Flags.Flag.SEEN)).isTrue());
        assertThat(poller("secret").poll()).isEqualTo(new ImapComplaintPoller.PollResult(0, 0, 0, 0));
    }

    @Test
    void aWrongPasswordFailsThePollWithoutTakingAnything() {
        MAIL.setUser("complaints@collectflow.example", "complaints", "secret");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> poller("wrong").poll())
            .isInstanceOf(jakarta.mail.AuthenticationFailedException.class);
    }
}
