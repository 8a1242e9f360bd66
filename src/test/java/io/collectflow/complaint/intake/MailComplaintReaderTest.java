package io.collectflow.complaint.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.collectflow.complaint.ComplaintProperties;

/** Loan numbers found in a mail's subject or text with the default pattern. */
class MailComplaintReaderTest {

    private final MailComplaintReader reader = new MailComplaintReader(new ComplaintProperties().getImap().getLoanNoPattern(), 4000);

    @Test
    void findsLoanNumbersWrittenInTheUsualWays() {
        assertThat(reader.findLoanNo("Complaint about loan no. L-2024-000123")).isEqualTo("L-2024-000123");
        assertThat(reader.findLoanNo("loan number: CN20240001 was sold")).isEqualTo("CN20240001");
        assertThat(reader.findLoanNo("Loan #IMAP-42")).isEqualTo("IMAP-42");
        assertThat(reader.findLoanNo("我的贷款编号：LN-8899 催收员骚扰")).isEqualTo("LN-8899");
    }

    @Test
    void findsNothingWhenNoLoanNumberIsGiven() {
        assertThat(reader.findLoanNo("The loan officer was rude")).isNull();
        assertThat(reader.findLoanNo("They called 12 times")).isNull();
    }
}
