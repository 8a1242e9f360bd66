package io.collectflow.contact;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import io.collectflow.contact.compliance.ComplianceProperties;
import io.collectflow.contact.compliance.ComplianceService;
import io.collectflow.contact.compliance.NoteScreening;
import io.collectflow.contact.compliance.RecordedVerdict;
import io.collectflow.contact.compliance.Verdict;
import io.collectflow.contact.log.ContactLog;
import io.collectflow.contact.log.ContactLogEntry;

/**
 * Contacts made by people (calls, visits): the guard must allow them at the moment they are recorded, the
 * note must be free of prohibited language, and each one goes into the contact log with its verdict.
 */
@Service
public class ManualContactGuard {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final ComplianceService compliance;
    private final NoteScreening screening;
    private final ContactLog contactLog;
    private final ComplianceProperties rules;

    public ManualContactGuard(ComplianceService compliance, NoteScreening screening, ContactLog contactLog,
            ComplianceProperties rules) {
        this.compliance = compliance;
        this.screening = screening;
        this.contactLog = contactLog;
        this.rules = rules;
    }

    /**
     * Records a call or visit made at {@code at}. Throws {@link ContactBlockedException} ("Calling is allowed
     * again at Mon 09:00 ...") when the guard forbids it, and ProhibitedLanguageException for a bad note.
     *
     * @return the contact-log id
     */
    public long recordManualContact(String loanNo, Channel channel, Operator operator, Instant at, String result,
            String note) {
        screening.requireClean(note);
        RecordedVerdict recorded = compliance.check(loanNo, channel, operator, at);
        if (!recorded.verdict().allowed()) {
            throw new ContactBlockedException(blockedMessage(channel, recorded.verdict()), recorded);
        }
        return contactLog.append(new ContactLogEntry(null, at, loanNo, recorded.subject().borrowerId(), channel, null,
            null, null, null, result == null || result.isBlank() ? "MADE" : result, operator, recorded.id(), note, null));
    }

    /**
     * A task form's hint and, when contact is blocked until a known moment, that moment ({@code blockedUntil}, the
     * verdict's {@code nextAllowedAt}; null when allowed or when only a person can lift the block).
     */
    public record Hint(String text, OffsetDateTime blockedUntil) {
    }

    /**
     * A one-line hint for a task form ("You may call until 21:00" or "Calling is allowed again at Mon 09:00 ...") with
     * the moment contact is allowed again when blocked; evaluated, not recorded.
     */
    public Hint hint(String loanNo, Channel channel, Operator operator, Instant at) {
        Verdict verdict = compliance.preview(loanNo, channel, operator, at);
        if (verdict.allowed()) {
            return new Hint("You may " + verb(channel) + " until " + rules.getWindowEnd().format(TIME)
                + " (borrower's time) within today's limits.", null);
        }
        return new Hint(blockedMessage(channel, verdict), verdict.nextAllowedAt());
    }

    static String blockedMessage(Channel channel, Verdict verdict) {
        String reasons = verdict.reasons().stream().map(Enum::name).collect(Collectors.joining(", "));
        String doing = gerund(channel);
        OffsetDateTime next = verdict.nextAllowedAt();
        if (next == null) {
            return doing + " this borrower is not allowed (" + reasons + ") until the block is lifted.";
        }
        ZonedDateTime local = next.toZonedDateTime();
        return doing + " is allowed again at " + local.format(DAY_TIME) + " (" + local.format(DATE)
            + ", borrower's time " + next.getOffset() + "); now blocked: " + reasons + ".";
    }

    private static String verb(Channel channel) {
        return switch (channel) {
            case CALL -> "call";
            case VISIT -> "visit";
            default -> "contact the borrower by " + channel.code();
        };
    }

    private static String gerund(Channel channel) {
        return switch (channel) {
            case CALL -> "Calling";
            case VISIT -> "Visiting";
            default -> "Contact by " + channel.code();
        };
    }
}
