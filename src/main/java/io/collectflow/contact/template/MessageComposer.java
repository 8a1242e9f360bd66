package io.collectflow.contact.template;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.collectflow.contact.Channel;
import io.collectflow.contact.ContactProperties;
import io.collectflow.contact.compliance.UnknownLoanException;
import io.collectflow.contact.log.ContactLog;
import io.collectflow.security.pii.BorrowerPii;

/**
 * Builds the message for a loan and purpose: the borrower's language (zh-CN in China, else en), the next
 * variant after the one the borrower got last time, and the loan's figures filled in.
 */
@Service
public class MessageComposer {

    private final JdbcClient jdbc;
    private final TemplateCatalog catalog;
    private final ContactLog contactLog;
    private final ContactProperties properties;
    private final Clock clock;
    private final BorrowerPii pii;

    public MessageComposer(JdbcClient jdbc, TemplateCatalog catalog, ContactLog contactLog, ContactProperties properties,
            Clock clock, BorrowerPii pii) {
        this.pii = pii;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.contactLog = contactLog;
        this.properties = properties;
        this.clock = clock;
    }

    private record LoanFacts(String borrowerId, String name, String phone, String email, String region, ZoneId zone,
            BigDecimal overdueAmount, int dpd, BigDecimal annualRate, BigDecimal penaltyRate) {
    }

    public RenderedMessage compose(String loanNo, Channel channel, String purpose) {
        LoanFacts loan = jdbc.sql("""
                SELECT b.borrower_id, b.name, b.phone, b.email, b.region, b.timezone, l.overdue_amount, l.dpd,
                       l.annual_rate, l.penalty_rate
                FROM loan l JOIN borrower b ON b.borrower_id = l.borrower_id WHERE l.loan_no = :loanNo
                """)
            .param("loanNo", loanNo)
            .query((rs, n) -> new LoanFacts(rs.getString(1), rs.getString(2), pii.open(BorrowerPii.PHONE, rs.getString(3)),
                pii.open(BorrowerPii.EMAIL, rs.getString(4)),
                rs.getString(5), ZoneId.of(rs.getString(6)), rs.getBigDecimal(7), rs.getInt(8), rs.getBigDecimal(9),
                rs.getBigDecimal(10)))
            .optional().orElseThrow(() -> new UnknownLoanException(loanNo));
        String language = loan.region().toUpperCase().startsWith("CN") ? "zh-CN" : "en";
        ContactTemplate template = catalog.next(purpose, language,
            contactLog.lastTemplateId(loan.borrowerId(), purpose, language));
        String link = properties.getRepaymentLink().replace("{loanNo}", loanNo);
        Map<String, String> values = values(loanNo, loan, link);
        String text = TemplateText.render(template.body(), values);
        String subject = TemplateText.render(template.subject(), values);
        String recipient = switch (channel) {
            case EMAIL -> loan.email();
            case SMS, VOICE, CALL -> loan.phone();
            case VISIT -> null;
        };
        return new RenderedMessage(loanNo, loan.borrowerId(), channel, purpose, template.id(), template.version(),
            language, recipient, subject, text, link, sha256(text));
    }

    private Map<String, String> values(String loanNo, LoanFacts loan, String link) {
        LocalDate today = LocalDate.now(clock.withZone(loan.zone()));
        Map<String, BigDecimal> unpaid = jdbc.sql("""
                SELECT COALESCE(SUM(interest_due - interest_paid), 0),
                       COALESCE(SUM(penalty_due - penalty_paid), 0) + COALESCE((SELECT l.penalty_pending FROM loan l WHERE l.loan_no = :loanNo), 0)
                FROM installment WHERE loan_no = :loanNo AND due_on < :today
                """)
            .param("loanNo", loanNo).param("today", today)
            .query((rs, n) -> Map.of("interest", rs.getBigDecimal(1), "penalty", rs.getBigDecimal(2))).single();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", loan.name());
        values.put("loanNo", loanNo);
        values.put("overdueAmount", money(loan.overdueAmount()));
        values.put("overdueInterest", money(unpaid.get("interest")));
        values.put("overduePenalty", money(unpaid.get("penalty")));
        values.put("annualRate", percent(loan.annualRate()));
        values.put("penaltyRate", percent(loan.penaltyRate()));
        values.put("dpd", Integer.toString(loan.dpd()));
        values.put("repaymentLink", link);
        values.put("hotline", properties.getHotline());
        return values;
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String percent(BigDecimal fraction) {
        return fraction.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
