package io.collectflow.loan.borrower;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.collectflow.browser.HeadlessChromium;
import io.collectflow.casework.stage.CaseFixtures;
import io.collectflow.security.SecurityTestUsers;
import io.collectflow.security.authz.StartupGrants;
import io.collectflow.security.pii.BorrowerPii;

/**
 * The borrower profile page in headless Chromium, logged in as a second-line collector after a skip trace: shows
 * the contact data, enters the new number; a malformed one is refused with the field named.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ContactDataPageBrowserTest {

    private static HeadlessChromium chromium;

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired IdentityService identities;
    @Autowired StartupGrants grants;
    @Autowired BorrowerPii pii;

    @BeforeAll
    static void launch() {
        chromium = HeadlessChromium.launch();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aCollectorEntersTheNumberASkipTraceFound() {
        SecurityTestUsers.ensure(identities, grants);
        String loanNo = new CaseFixtures(jdbc).loan(95, LocalDate.now());
        String borrowerId = jdbc.queryForObject("SELECT borrower_id FROM loan WHERE loan_no = ?", String.class, loanNo);

        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
                .setHttpCredentials("collector2", "collector2"))) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/profile/?loan=" + loanNo);
            page.click("#contact-data button");
            page.waitForSelector("#contact-data-form");
            page.waitForSelector("#contact-data-changes p.empty");
            assertThat(page.textContent("#contact-data-changes")).as("no change yet").contains("none");
            assertThat(page.inputValue("#contact-data-form input[name=phone]")).isEqualTo("+86 138 0013 8000");

            page.fill("#contact-data-form input[name=phone]", "phone unknown");
            page.click("#contact-data-form button[type=submit]");
            page.waitForSelector("#contact-data-form p.error");
            assertThat(page.textContent("#contact-data-form p.error")).startsWith("phone:");

            page.fill("#contact-data-form input[name=phone]", "+86 139 8765 4321");
            page.selectOption("#contact-data-form select[name=source]", "SKIP_TRACE");
            page.fill("#contact-data-form input[name=note]", "number from the employer");
            page.click("#contact-data-form button[type=submit]");
            page.waitForSelector("#contact-data-form p.empty:has-text('Saved')");
            assertThat(page.textContent("#contact-data-form p.empty")).isEqualTo("Saved: phone (0 running case(s) updated).");
            assertThat(page.textContent("#contact-data dd[data-field=phone]")).as("the shown data follows")
                .isEqualTo("+86 139 8765 4321");
            // and the history below it
            page.waitForSelector("#contact-data-changes td:has-text('SKIP_TRACE')");
            assertThat(page.textContent("#contact-data-changes tbody")).contains("collector2")
                .contains("phone: +86 138 0013 8000 → +86 139 8765 4321").contains("number from the employer");
        }
        assertThat(pii.open(BorrowerPii.PHONE, jdbc.queryForObject("SELECT phone FROM borrower WHERE borrower_id = ?",
            String.class, borrowerId))).isEqualTo("+86 139 8765 4321");
        assertThat(jdbc.queryForObject("SELECT source || ' ' || note FROM borrower_contact_change WHERE borrower_id = ?",
            String.class, borrowerId)).isEqualTo("SKIP_TRACE number from the employer");
    }
}
