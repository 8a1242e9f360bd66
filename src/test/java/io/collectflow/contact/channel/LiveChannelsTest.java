package io.collectflow.contact.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.collectflow.contact.Channel;
import io.collectflow.contact.ContactSender;
import io.collectflow.contact.ContactTestData;
import io.collectflow.contact.log.ContactLog;
import io.collectflow.contact.log.ContactLogEntry;
import io.collectflow.contact.log.SmsDeliveryStatus;
import io.collectflow.contact.process.ContactAttempt;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** Live mode: SMS and IVR against a local HTTP stub, e-mail through a real in-process SMTP server (GreenMail). */
@SpringBootTest
@ActiveProfiles("test")
class LiveChannelsTest {

    private static final GatewayStub STUB;
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        try {
            STUB = new GatewayStub();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        SMTP.start();
    }

    @DynamicPropertySource
    static void live(DynamicPropertyRegistry registry) {
        registry.add("collectflow.contact.mode", () -> "live");
        registry.add("collectflow.contact.sms.url", () -> STUB.url("/sms/send"));
        registry.add("collectflow.contact.sms.token", () -> "sms-secret");
        registry.add("collectflow.contact.sms.read-timeout", () -> "700ms");
        registry.add("collectflow.contact.sms.backoff", () -> "10ms");
        registry.add("collectflow.contact.voice.url", () -> STUB.url("/ivr/calls"));
        registry.add("collectflow.contact.voice.token", () -> "ivr-secret");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    private static final Instant TUESDAY_10 = OffsetDateTime.parse("2026-03-10T10:00:00+08:00").toInstant();

    @Autowired ContactSender sender;
    @Autowired ContactLog contactLog;
    @Autowired SmsDeliveryStatus smsStatus;
    @Autowired JdbcClient jdbc;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;

    @BeforeEach
    void reset() {
        STUB.reset();
        init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @AfterAll
    static void stop() {
        STUB.stop();
        SMTP.stop();
    }

    @Test
    void anSmsIsPostedWithTheTokenAndItsDeliveryReportIsKept() {
        ContactTestData.overdueLoan(jdbc, "LIVE-SMS", "CN-SH", "Asia/Shanghai", "sms@example.com");
        long logId = sender.send("LIVE-SMS", Channel.SMS, "REMINDER_30", TUESDAY_10);
        assertThat(STUB.requests).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/sms/send");
            assertThat(r.authorization()).isEqualTo("Bearer sms-secret");
            assertThat(r.body()).contains("\"to\":\"+8613800138000\"").contains("1234.56").contains("LIVE-SMS");
        });
        ContactLogEntry entry = contactLog.forLoan("LIVE-SMS").get(0);
        assertThat(entry.id()).isEqualTo(logId);
        assertThat(entry.result()).isEqualTo("SENT");
        assertThat(entry.externalRef()).startsWith("msg-");
        assertThat(smsStatus.report(entry.externalRef(), "delivered", null)).isTrue();
        assertThat(smsStatus.latest(entry.externalRef())).isEqualTo("DELIVERED");
    }

    @Test
    void serverErrorsAndTimeoutsAreRetriedByTheAdapter() {
        ContactTestData.overdueLoan(jdbc, "LIVE-RETRY", "CN-SH", "Asia/Shanghai", "retry@example.com");
        STUB.script.add(503);
        STUB.script.add(502);
        sender.send("LIVE-RETRY", Channel.SMS, "REMINDER_30", TUESDAY_10);
        assertThat(STUB.requests).hasSize(3);

        ContactTestData.overdueLoan(jdbc, "LIVE-SLOW", "CN-SH", "Asia/Shanghai", "slow@example.com");
        STUB.reset();
        STUB.delayFirstMillis = 1500;
        sender.send("LIVE-SLOW", Channel.SMS, "REMINDER_30", TUESDAY_10);
        // the timed-out request is sent again with the same client reference (the vendor drops duplicates)
        assertThat(STUB.requests).hasSizeGreaterThanOrEqualTo(2);
        assertThat(STUB.requests.get(0).body()).contains("\"clientReference\"");
        String reference = STUB.requests.get(0).body().replaceAll(".*\"clientReference\":\"([^\"]+)\".*", "$1");
        assertThat(STUB.requests).allSatisfy(r -> assertThat(r.body()).contains(reference));
        assertThat(contactLog.forLoan("LIVE-SLOW")).extracting(ContactLogEntry::result).containsExactly("SENT");
    }

    @Test
    void aRejectedNumberIsUndeliverableWithoutRetry() {
        ContactTestData.overdueLoan(jdbc, "LIVE-400", "CN-SH", "Asia/Shanghai", "r@example.com");
        STUB.defaultStatus = 400;
        assertThatThrownBy(() -> sender.send("LIVE-400", Channel.SMS, "REMINDER_30", TUESDAY_10))
            .isInstanceOf(UndeliverableException.class).hasMessageContaining("400");
        assertThat(STUB.requests).hasSize(1);
        assertThat(contactLog.forLoan("LIVE-400")).extracting(ContactLogEntry::result).containsExactly("FAILED");
    }

    @Test
    void aGatewayThatKeepsFailingEndsInAnIncidentOfTheContactAttempt() {
        ContactTestData.overdueLoan(jdbc, "LIVE-DOWN", "CN-SH", "Asia/Shanghai", "down@example.com");
        STUB.defaultStatus = 500;
        ClockUtil.setCurrentTime(Date.from(TUESDAY_10));
        ProcessInstance pi = runtime.startProcessInstanceByKey(ContactAttempt.PROCESS_KEY, "LIVE-DOWN", Map.of(
            ContactAttempt.Vars.LOAN_NO, "LIVE-DOWN", ContactAttempt.Vars.CHANNEL, "sms", ContactAttempt.Vars.PURPOSE, "REMINDER_30"));
        management.executeJob(job(pi).getId());
        assertThat(pi).isWaitingAt("Task_SendMessage");
        int runs = 0;
        while (job(pi) != null && job(pi).getRetries() > 0 && runs < 10) {
            String jobId = job(pi).getId();
            assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("SMS gateway failed after 3 attempts");
            runs++;
        }
        assertThat(runs).isEqualTo(3); // R3: three runs in all, then the incident
        List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(pi.getId()).list();
        assertThat(incidents).singleElement().satisfies(i -> {
            assertThat(i.getActivityId()).isEqualTo("Task_SendMessage");
            assertThat(i.getIncidentMessage()).contains("SMS gateway failed after 3 attempts");
        });
        assertThat(STUB.requests).hasSize(9);
        // one delivery reference for all adapter and job retries of this attempt
        assertThat(STUB.requests.stream().map(r -> r.body().replaceAll(".*\"clientReference\":\"([^\"]+)\".*", "$1"))
            .distinct()).singleElement().asString().startsWith(pi.getId() + "-");
        // every failed attempt is in the contact log (written in its own transaction)
        assertThat(contactLog.forLoan("LIVE-DOWN")).hasSize(3).allMatch(e -> e.result().equals("FAILED"));
        // the gateway is back: the operator retries the job from Cockpit and the contact goes out
        STUB.defaultStatus = 200;
        management.setJobRetries(job(pi).getId(), 1);
        management.executeJob(job(pi).getId());
        assertThat(pi).isEnded().variables().containsEntry(ContactAttempt.Vars.CONTACT_OUTCOME, "SENT");
    }

    private Job job(ProcessInstance pi) {
        return management.createJobQuery().processInstanceId(pi.getId()).singleResult();
    }

    @Test
    void aVoiceReminderGoesToTheIvrWithItsScript() {
        ContactTestData.overdueLoan(jdbc, "LIVE-IVR", "US-NY", "America/New_York", "ivr@example.com");
        sender.send("LIVE-IVR", Channel.VOICE, "VOICE_60", OffsetDateTime.parse("2026-03-10T10:00:00-04:00").toInstant());
        assertThat(STUB.requests).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/ivr/calls");
            assertThat(r.authorization()).isEqualTo("Bearer ivr-secret");
            assertThat(r.body()).contains("\"language\":\"en\"").contains("1234.56");
        });
        assertThat(contactLog.forLoan("LIVE-IVR").get(0).externalRef()).startsWith("call-");
    }

    @Test
    void anEmailArrivesWithTheAmountTheLinkAndAQrCodeOfTheLink() throws Exception {
        ContactTestData.overdueLoan(jdbc, "LIVE-MAIL", "CN-SH", "Asia/Shanghai", "borrower@example.com");
        sender.send("LIVE-MAIL", Channel.EMAIL, "REMINDER_30", TUESDAY_10);
        assertThat(SMTP.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage received = List.of(SMTP.getReceivedMessages()).stream()
            .filter(m -> {
                try {
                    return m.getAllRecipients()[0].toString().equals("borrower@example.com");
                } catch (Exception e) {
                    return false;
                }
            }).findFirst().orElseThrow();
        assertThat(received.getSubject()).contains("LIVE-MAIL");
        List<Part> parts = new ArrayList<>();
        flatten(received, parts);
        String link = "https://pay.collectflow.example/repay/LIVE-MAIL";
        String plain = text(parts, "text/plain");
        String html = text(parts, "text/html");
        assertThat(plain).contains("1234.56").contains(link);
        assertThat(html).contains("1234.56").contains("href=\"" + link + "\"").contains("cid:repayment-qr");
        Part qr = parts.stream().filter(p -> {
            try {
                return p.isMimeType("image/png");
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow();
        assertThat(((jakarta.mail.internet.MimePart) qr).getContentID()).isEqualTo("<repayment-qr>");
        try (InputStream in = qr.getInputStream()) {
            BufferedImage image = ImageIO.read(in);
            String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image)))).getText();
            assertThat(decoded).isEqualTo(link);
        }
    }

    private static void flatten(Part part, List<Part> out) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                flatten(child, out);
            }
        } else {
            out.add(part);
        }
    }

    private static String text(List<Part> parts, String type) throws Exception {
        for (Part p : parts) {
            if (p.isMimeType(type)) {
                return (String) p.getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }
}
