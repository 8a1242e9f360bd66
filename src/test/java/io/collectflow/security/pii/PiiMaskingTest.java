package io.collectflow.security.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PiiMaskingTest {

    @Test
    void chineseMobileNumbersKeepTheirFirstThreeAndLastFourDigits() {
        assertThat(PiiMasking.phone("13800138000")).isEqualTo("138****8000");
        assertThat(PiiMasking.phone("+86 139 1234 5678")).isEqualTo("139****5678");
        assertThat(PiiMasking.phone("0086 139 1234 5678")).isEqualTo("139****5678");
    }

    @Test
    void anotherCountrysNumberShowsItsCountryCodeNotTheFirstDigitsRunTogether() {
        // before: "+1 415 555 0100" became "141****0100", as if the country code were part of a Chinese number
        assertThat(PiiMasking.phone("+1 415 555 0100")).isEqualTo("+1 ****0100");
        assertThat(PiiMasking.phone("+49 (30) 1234567")).isEqualTo("+49 ****4567");
        assertThat(PiiMasking.phone("0044 20 7946 0958")).isEqualTo("+44 ****0958");
        assertThat(PiiMasking.phone("+14155550100")).as("the code's length is unknown when run together")
            .isEqualTo("+****0100");
    }

    @Test
    void shortOrLocalNumbers() {
        assertThat(PiiMasking.phone("021-6288 1234")).isEqualTo("021****1234");
        assertThat(PiiMasking.phone("12345")).isEqualTo("*****");
        assertThat(PiiMasking.phone(null)).isNull();
    }
}
