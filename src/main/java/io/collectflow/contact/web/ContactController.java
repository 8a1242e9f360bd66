package io.collectflow.contact.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.collectflow.contact.channel.OutboxChannel;
import io.collectflow.contact.log.ContactLog;
import io.collectflow.contact.log.ContactLogEntry;
import io.collectflow.contact.log.SmsDeliveryStatus;

/** The demo outbox, the read-only contact log, and the SMS gateway's delivery reports. */
@RestController
@RequestMapping("/api/contact")
public class ContactController {

    private final OutboxChannel outbox;
    private final ContactLog contactLog;
    private final SmsDeliveryStatus smsStatus;

    public ContactController(OutboxChannel outbox, ContactLog contactLog, SmsDeliveryStatus smsStatus) {
        this.outbox = outbox;
        this.contactLog = contactLog;
        this.smsStatus = smsStatus;
    }

    /** What the recording channel would have sent, newest first (demo: collectflow.contact.mode=outbox). */
    @GetMapping("/outbox")
    public List<OutboxChannel.OutboxMessage> outbox(@RequestParam(required = false) String loanNo,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000");
        }
        return outbox.recent(loanNo, limit);
    }

    /** The contact log of a loan (read only: there is no API to change or delete entries). */
    @GetMapping("/log")
    public List<ContactLogEntry> log(@RequestParam String loanNo) {
        return contactLog.forLoan(loanNo);
    }

    /** A delivery report: {@code {"messageId","status","detail"?}}; 404 when the message id is unknown. */
    public record StatusReport(String messageId, String status, String detail) {
    }

    @PostMapping("/sms/status")
    public ResponseEntity<Map<String, Object>> smsStatus(@RequestBody StatusReport report) {
        boolean known = smsStatus.report(report.messageId(), report.status(), report.detail());
        return known ? ResponseEntity.ok(Map.of("recorded", true))
            : ResponseEntity.status(404).body(Map.of("recorded", false, "error", "unknown messageId '" + report.messageId() + "'"));
    }
}
