package io.collectflow.legal;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;

import io.collectflow.contact.DbTime;
import io.collectflow.security.audit.Actors;
import io.collectflow.security.audit.AuditLog;

/** Lawyer letters (D3) as PDF with the case bundle: loan data, schedule, payments, contact history. */
@Service
public class LawyerLetterService {

    private static final Font TITLE = new Font(Font.HELVETICA, 14, Font.BOLD);
    private static final Font HEADING = new Font(Font.HELVETICA, 11, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 10);

    /** Audit action: a letter was generated and stored (by the legal action's job: actor "system"). */
    public static final String AUDIT_GENERATED = "LAWYER_LETTER_GENERATED";
    /** Audit action: a letter was sent by registered mail (who sent it, its tracking number). */
    public static final String AUDIT_SENT = "LAWYER_LETTER_SENT";

    private final JdbcTemplate jdbc;
    private final CaseBundleService bundles;
    private final LegalProperties properties;
    private final Clock clock;
    private final AuditLog audit;

    public LawyerLetterService(JdbcTemplate jdbc, CaseBundleService bundles, LegalProperties properties, Clock clock,
                               AuditLog audit) {
        this.jdbc = jdbc;
        this.bundles = bundles;
        this.properties = properties;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Generates and stores the letter; returns the id of the letter stored. Audited ({@value #AUDIT_GENERATED}, on the
     * loan, in the caller's transaction) under the acting user, "system" for the legal action's job.
     */
    public long issue(String loanNo, LocalDate today) {
        CaseBundle bundle = bundles.bundle(loanNo);
        BigDecimal amount = bundles.balance(loanNo);
        LocalDate payBy = today.plusDays(properties.getLawyerLetterDeadlineDays());
        byte[] pdf = render(bundle, amount, today, payBy);
        String pdfBase64 = Base64.getEncoder().encodeToString(pdf);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("""
                INSERT INTO lawyer_letter (loan_no, amount, pay_by, pdf_base64, created_at)
                VALUES (?, ?, ?, ?, ?)""", new String[] {"id"});
            insert.setString(1, loanNo);
            insert.setBigDecimal(2, amount);
            insert.setObject(3, payBy);
            insert.setString(4, pdfBase64);
            insert.setObject(5, DbTime.toDb(clock.instant()));
            return insert;
        }, key);
        // the key this insert generated: another letter for the loan stored meanwhile (a second node, a retried job)
        // must not be taken for this one, as the loan's highest id would be
        long letterId = key.getKey().longValue();
        audit.record(Actors.current(), AUDIT_GENERATED, "loan", loanNo, "lawyer letter " + letterId
            + " generated: demand for " + amount.setScale(2).toPlainString() + ", pay by " + payBy);
        return letterId;
    }

    /** Records that {@code sentBy} sent the letter by registered mail ({@value #AUDIT_SENT}, on the loan). */
    public void recordSent(long letterId, String loanNo, String tracking, String sentBy) {
        audit.record(sentBy, AUDIT_SENT, "loan", loanNo, "lawyer letter " + letterId + " sent by registered mail, tracking "
            + tracking);
    }

    /** The stored PDF; empty for an unknown letter. */
    public Optional<byte[]> pdf(long letterId) {
        return jdbc.queryForList("SELECT pdf_base64 FROM lawyer_letter WHERE id = ?", String.class, letterId).stream()
            .findFirst().map(Base64.getDecoder()::decode);
    }

    byte[] render(CaseBundle bundle, BigDecimal amount, LocalDate today, LocalDate payBy) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Lawyer letter " + bundle.loanNo());
            document.open();
            document.add(new Paragraph("Formal demand for payment", TITLE));
            document.add(new Paragraph(today + "\n\n" + bundle.borrowerName() + "\n"
                + (bundle.address() == null ? "" : bundle.address()), BODY));
            document.add(new Paragraph("\nRe: loan " + bundle.loanNo() + " (" + bundle.product() + ")", HEADING));
            document.add(new Paragraph("Acting for the lender, we demand payment of " + amount + " owed under loan "
                + bundle.loanNo() + " (principal " + bundle.principal() + ", disbursed " + bundle.disbursedOn()
                + ", " + bundle.dpd() + " days past due) by " + payBy + ". If the amount is not paid by then, "
                + "the lender may take legal action without further notice.", BODY));
            section(document, "Installment schedule", bundle.schedule());
            section(document, "Payments received", bundle.payments());
            section(document, "Contact history", bundle.contacts());
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("lawyer letter for " + bundle.loanNo() + " could not be rendered", e);
        }
        return out.toByteArray();
    }

    private static void section(Document document, String title, List<String> lines) throws DocumentException {
        document.add(new Paragraph("\n" + title, HEADING));
        document.add(new Paragraph(lines.isEmpty() ? "none" : String.join("\n", lines), BODY));
    }
}
