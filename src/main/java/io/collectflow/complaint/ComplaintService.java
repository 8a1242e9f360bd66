package io.collectflow.complaint;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.collectflow.complaint.ComplaintRepository.LoanLink;
import io.collectflow.contact.compliance.BorrowerFlagService;

/**
 * The complaint loop's business steps (no engine types): receive, register and acknowledge, decide (with
 * accountability), give feedback, archive. While a complaint of a known borrower is open the COMPLAINT_OPEN
 * flag holds collection contact (collectflow.complaint.block-contact); the last archived complaint lifts it.
 */
@Service
public class ComplaintService {

    private static final char[] REF_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final String SYSTEM = "system";

    private final ComplaintRepository repository;
    private final ComplaintValidator validator;
    private final ComplaintDeadlines deadlines;
    private final ComplaintNotifier notifier;
    private final AccountabilityService accountability;
    private final CaseContactLog caseContactLog;
    private final BorrowerFlagService flags;
    private final ComplaintProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ComplaintService(ComplaintRepository repository, ComplaintValidator validator, ComplaintDeadlines deadlines,
            ComplaintNotifier notifier, AccountabilityService accountability, CaseContactLog caseContactLog,
            BorrowerFlagService flags, ComplaintProperties properties, Clock clock) {
        this.repository = repository;
        this.validator = validator;
        this.deadlines = deadlines;
        this.notifier = notifier;
        this.accountability = accountability;
        this.caseContactLog = caseContactLog;
        this.flags = flags;
        this.properties = properties;
        this.clock = clock;
    }

    /** Validates and stores a new complaint; an unknown loan number is kept as stated but not linked. */
    @Transactional
    public Complaint receive(ComplaintSubmission submission) {
        validator.validate(submission);
        Instant now = clock.instant();
        ComplaintDeadlines.Deadlines due = deadlines.forReceipt(now);
        LoanLink link = repository.linkLoan(submission.loanNo()).orElse(null);
        String complaintNo = newComplaintNo();
        repository.insert(complaintNo, submission, ComplaintCategory.parse(submission.category()).orElse(null), link, now,
            due.acknowledgeBy().toInstant(), due.resolveBy().toInstant());
        Complaint complaint = repository.get(complaintNo);
        hold(complaint);
        return complaint;
    }

    /** True when this source (e.g. an e-mail's Message-ID) has been taken in before. */
    public boolean alreadyReceived(String sourceRef) {
        return sourceRef != null && repository.existsSource(sourceRef);
    }

    public Complaint get(String complaintNo) {
        return repository.get(complaintNo);
    }

    /**
     * Registers the category and links (the officer may correct the loan number), acknowledges to the
     * complainant and returns the contact log of the linked loan for the investigation.
     */
    @Transactional
    public String register(String complaintNo, Registration r) {
        Complaint c = repository.get(complaintNo);
        checkRegistration(r);
        ComplaintCategory category = ComplaintCategory.parse(r.category()).orElseThrow();
        LoanLink link = repository.linkLoan(r.loanNo()).orElse(null);
        repository.register(c.id(), category, link, blankToNull(r.loanNo()), blankToNull(r.collectorId()),
            blankToNull(r.agencyId()), actor(r.actor()), clock.instant());
        Complaint registered = repository.get(complaintNo);
        hold(registered);
        notifier.acknowledge(registered);
        return caseContactLog.summary(registered.linkedLoanNo());
    }

    /** Checks a registration before the register task is completed: a known category, a loan number that exists. */
    public void checkRegistration(Registration r) {
        List<FieldError> errors = new ArrayList<>();
        if (ComplaintCategory.parse(r.category()).isEmpty()) {
            errors.add(new FieldError("category", "must be one of " + ComplaintCategory.allowed()));
        }
        if (blankToNull(r.loanNo()) != null && repository.linkLoan(r.loanNo()).isEmpty()) {
            errors.add(new FieldError("loanNo", "no loan '" + r.loanNo().strip() + "' in the loan book"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidComplaintException(errors);
        }
    }

    /** Checks a decision before the handling task is completed; names each wrong field. */
    public void checkDecision(DecisionInput d) {
        List<FieldError> errors = new ArrayList<>();
        ComplaintDecision decision = ComplaintDecision.parse(d.decision()).orElse(null);
        if (decision == null) {
            errors.add(new FieldError("decision", "must be one of " + ComplaintDecision.allowed()));
        }
        if (d.misconductConfirmed()) {
            if (decision == ComplaintDecision.NOT_UPHELD) {
                errors.add(new FieldError("decision", "confirmed misconduct means the complaint is at least partly upheld"));
            }
            if (blankToNull(d.collectorId()) == null && blankToNull(d.agencyId()) == null) {
                errors.add(new FieldError("collectorId", "confirmed misconduct needs the collector or the agency it is charged to"));
            }
        }
        if (decision != null && decision != ComplaintDecision.NOT_UPHELD && blankToNull(d.remedy()) == null) {
            errors.add(new FieldError("remedy", "is required when the complaint is upheld"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidComplaintException(errors);
        }
    }

    /** Stores the decision; confirmed misconduct creates accountability records against collector and/or agency. */
    @Transactional
    public void decide(String complaintNo, DecisionInput d) {
        checkDecision(d);
        Complaint c = repository.get(complaintNo);
        String decision = ComplaintDecision.parse(d.decision()).orElseThrow().name();
        repository.decide(c.id(), d.findings(), d.misconductConfirmed(), decision, blankToNull(d.remedy()),
            blankToNull(d.collectorId()), blankToNull(d.agencyId()), actor(d.actor()), clock.instant());
        if (d.misconductConfirmed()) {
            Complaint decided = repository.get(complaintNo);
            if (decided.collectorId() != null) {
                accountability.record(decided, AccountabilityRecord.COLLECTOR, decided.collectorId(), d.findings(),
                    decided.remedy(), actor(d.actor()));
            }
            if (decided.agencyId() != null) {
                accountability.record(decided, AccountabilityRecord.AGENCY, decided.agencyId(), d.findings(),
                    decided.remedy(), actor(d.actor()));
            }
        }
    }

    /** Tells the complainant the outcome; returns the channel used (email, sms or none). */
    @Transactional
    public String sendFeedback(String complaintNo) {
        Complaint c = repository.get(complaintNo);
        String channel = notifier.feedback(c);
        repository.feedbackSent(c.id(), channel, clock.instant());
        return channel;
    }

    /** Closes the complaint; lifts the contact hold unless another complaint of the borrower is still open. */
    @Transactional
    public void archive(String complaintNo) {
        Complaint c = repository.get(complaintNo);
        repository.archive(c.id(), clock.instant());
        if (c.borrowerId() != null && repository.otherOpenComplaints(c.borrowerId(), c.id()) == 0) {
            flags.closeComplaint(c.borrowerId(), SYSTEM, "complaint " + complaintNo + " archived");
        }
    }

    private void hold(Complaint c) {
        if (properties.isBlockContact() && c.borrowerId() != null) {
            flags.openComplaint(c.borrowerId(), SYSTEM, "complaint " + c.complaintNo() + " open");
        }
    }

    private String newComplaintNo() {
        StringBuilder ref = new StringBuilder("CMP-");
        for (int i = 0; i < 10; i++) {
            ref.append(REF_ALPHABET[random.nextInt(REF_ALPHABET.length)]);
        }
        return ref.toString();
    }

    private static String actor(String actor) {
        return actor == null || actor.isBlank() ? SYSTEM : actor;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
