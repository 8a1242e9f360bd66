package io.collectflow.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Complaints per 1,000 cases over a period in 2019 that no other test touches. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ComplaintRateServiceTest {

    @Autowired ComplaintRateService rates;
    @Autowired JdbcClient jdbc;

    private void caseOf(String loanNo, LocalDate opened, LocalDate closed) {
        ComplaintTestData.loan(jdbc, loanNo);
        jdbc.sql("""
                INSERT INTO collection_case (loan_no, status, opened_on, closed_on, opened_at)
                VALUES (:l, :s, :o, :c, :at)
                """)
            .param("l", loanNo).param("s", closed == null ? "ACTIVE" : "CLOSED").param("o", opened).param("c", closed)
            .param("at", opened.atStartOfDay()).update();
    }

    private void complaintAt(String no, LocalDateTime receivedUtc) {
        jdbc.sql("""
                INSERT INTO complaint (complaint_no, channel, received_at, complainant_name, complaint_text, status,
                    acknowledge_by, resolve_by)
                VALUES (:n, 'ONLINE', :r, 'X', 'text of the complaint', 'ARCHIVED', :r, :r)
                """)
            .param("n", no).param("r", receivedUtc).update();
    }

    @Test
    void countsComplaintsReceivedInThePeriodPerThousandCasesActiveInIt() {
        caseOf("RATE-1", LocalDate.of(2018, 12, 1), null);
        caseOf("RATE-2", LocalDate.of(2019, 6, 10), LocalDate.of(2019, 6, 20));
        caseOf("RATE-3", LocalDate.of(2019, 5, 1), LocalDate.of(2019, 5, 31)); // closed before the period
        caseOf("RATE-4", LocalDate.of(2019, 7, 1), null); // opened after it
        // the period is in Asia/Shanghai: 2019-05-31T16:00Z is already June 1st there
        complaintAt("CMP-RATE00001", LocalDateTime.of(2019, 5, 31, 16, 0));
        complaintAt("CMP-RATE00002", LocalDateTime.of(2019, 6, 30, 15, 59));
        complaintAt("CMP-RATE00003", LocalDateTime.of(2019, 6, 30, 16, 0)); // July 1st in Shanghai
        complaintAt("CMP-RATE00004", LocalDateTime.of(2019, 5, 31, 15, 59));

        ComplaintRateService.ComplaintRate june = rates.rate(LocalDate.of(2019, 6, 1), LocalDate.of(2019, 6, 30));
        assertThat(june.complaints()).isEqualTo(2);
        assertThat(june.cases()).isEqualTo(2);
        assertThat(june.perThousand()).isEqualByComparingTo(new BigDecimal("1000.00"));

        ComplaintRateService.ComplaintRate empty = rates.rate(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 1, 31));
        assertThat(empty.cases()).isZero();
        assertThat(empty.perThousand()).isNull();
        assertThatThrownBy(() -> rates.rate(LocalDate.of(2019, 6, 2), LocalDate.of(2019, 6, 1)))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
