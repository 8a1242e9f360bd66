package io.collectflow.complaint.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/** The public complaint page in Debian's Chromium: field errors next to the fields, receipt, markup stays text. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ComplaintPageBrowserTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    private Playwright playwright;
    private Browser browser;
    private Page page;
    private final List<String> dialogs = new ArrayList<>();

    @BeforeEach
    void launchChromium() throws InterruptedException {
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
            .setExecutablePath(Paths.get("/usr/bin/chromium"))
            .setHeadless(true)
            .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run")));
        page = browser.newPage();
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        // the API tests of the same context may have used this client's burst allowance (1 token per second)
        Thread.sleep(3000);
    }

    @AfterEach
    void closeChromium() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void aComplainantSeesFieldErrorsThenGetsTheComplaintNumberAndNoMarkupRuns() {
        page.navigate("http://localhost:" + port + "/complaint/");
        assertThat(page.title()).isEqualTo("Make a complaint");

        page.fill("#name", "Zhao Lei");
        page.fill("#phone", "abc");
        page.fill("#email", "zhao.lei@example.com");
        page.click("#submit");
        page.waitForCondition(() -> !page.textContent("#error-phone").isBlank());
        assertThat(page.textContent("#error-phone")).contains("phone number");
        assertThat(page.textContent("#error-text")).isEqualTo("is required");
        assertThat(page.getAttribute("#phone", "aria-invalid")).isEqualTo("true");

        String text = "<img src=x onerror=alert('xss')> The agent laughed at me <script>alert(2)</script>";
        page.fill("#phone", "+86 138 0013 8000");
        page.selectOption("#category", "misconduct");
        page.fill("#text", text);
        page.click("#submit");
        page.waitForSelector("#receipt", new Page.WaitForSelectorOptions().setState(
            com.microsoft.playwright.options.WaitForSelectorState.VISIBLE));

        String complaintId = page.textContent("#receipt-id");
        assertThat(complaintId).matches("CMP-[A-Z2-9]{10}");
        assertThat(page.textContent("#receipt-ack")).isNotBlank();
        assertThat(page.isVisible("#complaint-form")).isFalse();
        assertThat(dialogs).isEmpty();
        assertThat(jdbc.sql("SELECT complaint_text FROM complaint WHERE complaint_no = :n").param("n", complaintId)
            .query(String.class).single()).isEqualTo(text);
    }
}
