package io.collectflow.contact.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.collectflow.contact.Channel;
import io.collectflow.contact.compliance.ComplianceService;
import io.collectflow.contact.compliance.NoteScreening;
import io.collectflow.contact.compliance.PhraseFilter;
import io.collectflow.contact.compliance.RecordedVerdict;
import io.collectflow.contact.compliance.UnknownLoanException;

/** The compliance guard for dialers, agencies and forms (CONTRACT.md "Compliance check"), and note screening. */
@RestController
@RequestMapping("/api/compliance")
public class ComplianceController {

    /** The years a question about contact can sensibly be asked for (calendars, time zones). */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2199;

    private final ComplianceService compliance;
    private final NoteScreening screening;
    private final LoanVisibility visibility;

    public ComplianceController(ComplianceService compliance, NoteScreening screening, LoanVisibility visibility) {
        this.compliance = compliance;
        this.screening = screening;
        this.visibility = visibility;
    }

    /** The answer of the check endpoint, exactly as in the contract. */
    public record CheckAnswer(String verdict, List<String> reasons, String nextAllowedAt, String ruleSetVersion) {
    }

    @GetMapping("/check")
    public CheckAnswer check(@RequestParam String loanNo, @RequestParam String channel,
            @RequestParam(required = false) String at, Authentication auth) {
        Channel parsed = Channel.fromCode(channel);
        Instant when = parseAt(at);
        if (!visibility.visible(loanNo, auth)) {
            // an agency asking about a loan not placed with it learns nothing, not even that the loan exists
            throw new UnknownLoanException(loanNo);
        }
        RecordedVerdict recorded = compliance.check(loanNo, parsed, Operators.of(auth), when);
        return new CheckAnswer(recorded.verdict().verdictCode(),
            recorded.verdict().reasons().stream().map(Enum::name).toList(),
            recorded.verdict().nextAllowedAt() == null ? null : recorded.verdict().nextAllowedAt().toString(),
            recorded.verdict().ruleSetVersion());
    }

    private static Instant parseAt(String at) {
        if (at == null || at.isBlank()) {
            return null;
        }
        // an unencoded '+' in a query string arrives as a space
        String text = at.strip().replace(' ', '+');
        OffsetDateTime parsed;
        try {
            parsed = OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("at '" + at + "' is not an ISO-8601 instant with offset, e.g. "
                + "2026-03-02T10:00:00+08:00");
        }
        if (parsed.getYear() < FIRST_YEAR || parsed.getYear() > LAST_YEAR) {
            throw new IllegalArgumentException("at '" + at + "' must fall in the years " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        return parsed.toInstant();
    }

    /** Body of the screening request. */
    public record NoteText(String text) {
    }

    /** Always 200: {@code clean} false with the phrases and a message naming them. */
    @PostMapping("/screen-note")
    public Map<String, Object> screenNote(@RequestBody NoteText note) {
        NoteScreening.Result result = screening.check(note == null ? null : note.text());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("clean", result.clean());
        answer.put("violations", result.violations().stream().map(ComplianceController::violation).toList());
        answer.put("message", result.message());
        return answer;
    }

    private static Map<String, String> violation(PhraseFilter.Violation v) {
        return Map.of("phrase", v.phrase(), "category", v.category());
    }
}
