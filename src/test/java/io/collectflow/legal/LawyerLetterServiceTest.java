package io.collectflow.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.support.KeyHolder;

import io.collectflow.casework.stage.CaseProcessTestSupport;
import io.collectflow.security.audit.AuditLog;

/** How a lawyer letter is stored: the id the caller gets back is the letter it stored. */
class LawyerLetterServiceTest extends CaseProcessTestSupport {

    @Autowired LawyerLetterService letters;
    @Autowired DataSource dataSource;
    @Autowired CaseBundleService bundles;
    @Autowired LegalProperties legalProperties;
    @Autowired Clock clock;
    @Autowired AuditLog audit;

    /**
     * Another letter for the same loan stored between this letter's insert and the read of its id (a second node, a
     * retried job): the id returned is still this letter's (the key the insert generated), not the loan's newest.
     */
    @Test
    void aLetterGetsItsOwnIdWhenAnotherLetterForTheLoanIsStoredAtTheSameMoment() {
        String loanNo = fixtures.loan(400, today());
        JdbcTemplate racing = new JdbcTemplate(dataSource) {
            private boolean raced;

            @Override
            public int update(String sql, Object... args) {
                int rows = super.update(sql, args);
                race();
                return rows;
            }

            @Override
            public int update(PreparedStatementCreator statement, KeyHolder keys) {
                int rows = super.update(statement, keys);
                race();
                return rows;
            }

            private void race() {
                if (!raced) {
                    raced = true;
                    jdbc.update("INSERT INTO lawyer_letter (loan_no, amount, pay_by, pdf_base64, created_at) "
                        + "VALUES (?, 1.00, ?, 'the other letter', CURRENT_TIMESTAMP)", loanNo, today());
                }
            }
        };
        LawyerLetterService service = new LawyerLetterService(racing, bundles, legalProperties, clock, audit);

        long letterId = service.issue(loanNo, today());

        assertThat(fixtures.count("SELECT COUNT(*) FROM lawyer_letter WHERE loan_no = ?", loanNo)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT pdf_base64 FROM lawyer_letter WHERE id = ?", String.class, letterId))
            .as("the letter this call stored").isNotEqualTo("the other letter");
        assertThat(new String(letters.pdf(letterId).orElseThrow(), 0, 5, StandardCharsets.US_ASCII))
            .isEqualTo("%PDF-");
    }
}
