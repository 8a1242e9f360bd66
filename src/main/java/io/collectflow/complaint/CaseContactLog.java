package io.collectflow.complaint;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Component;

import io.collectflow.contact.log.ContactLog;
import io.collectflow.contact.log.ContactLogEntry;

/** The contact log of a loan as text for the investigator's form (latest entries first, bounded in size). */
@Component
public class CaseContactLog {

    /** Camunda keeps string variables up to 4,000 characters. */
    static final int MAX_CHARS = 3900;
    static final String NO_LOAN = "No loan is linked to this complaint, so there is no contact log.";
    static final String EMPTY = "The contact log of this loan is empty.";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final ContactLog contactLog;

    public CaseContactLog(ContactLog contactLog) {
        this.contactLog = contactLog;
    }

    public String summary(String loanNo) {
        if (loanNo == null) {
            return NO_LOAN;
        }
        List<ContactLogEntry> entries = contactLog.forLoan(loanNo);
        if (entries.isEmpty()) {
            return EMPTY;
        }
        StringBuilder text = new StringBuilder(entries.size() + " contacts, latest first:\n");
        for (int i = entries.size() - 1; i >= 0; i--) {
            String line = line(entries.get(i));
            if (text.length() + line.length() > MAX_CHARS - 40) {
                text.append("... ").append(i + 1).append(" older contacts not shown\n");
                break;
            }
            text.append(line);
        }
        return text.toString();
    }

    private static String line(ContactLogEntry e) {
        return WHEN.format(e.occurredAt().atZone(ZoneId.of("UTC"))) + " | " + e.channel().code() + " | "
            + (e.purpose() == null ? "-" : e.purpose()) + " | " + e.result() + " | " + e.operator().type() + " "
            + e.operator().id() + (e.summary() == null ? "" : " | " + e.summary().replace('\n', ' ')) + "\n";
    }
}
