package io.collectflow.security.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.collectflow.browser.HeadlessChromium;
import io.collectflow.casework.CollectionCase;
import io.collectflow.casework.CollectionCase.Elements;
import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.casework.stage.CaseFixtures;
import io.collectflow.casework.stage.Jobs;
import io.collectflow.security.SecurityTestUsers;
import io.collectflow.security.authz.StartupGrants;
import io.collectflow.security.pii.BorrowerPii;

/**
 * Script tags and event-handler payloads in a borrower's name, a collector's notes, a loan's product and a
 * complaint are shown as text, and nothing in them runs, in real Chromium: the Tasklist call form (the name is
 * a disabled field's value; templated into the form's markdown header it was rendered as HTML), the
 * public complaint page, the borrower profile and the managers' dashboard. Every payload would set
 * {@code window.__xss} and open a dialog if it ran; both are checked on every page. One browser, four pages.
 * Runs in the Tasklist JVM (pom.xml execution tasklist-browser-test): Tasklist addresses the engine "default".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.generate-unique-process-engine-name=false", "camunda.bpm.process-engine-name=default",
    "camunda.bpm.generic-properties.properties.generalResourceWhitelistPattern=[a-zA-Z0-9-]+|camunda-admin"})
@ActiveProfiles("test")
class HostileMarkupBrowserTest {

    static final String NAME = "Wang <img src=x onerror=\"window.__xss='name-img';alert('name')\">"
        + "<script>window.__xss='name-script';alert('name')</script> Li";
    static final String NOTES = "Promised <svg onload=\"window.__xss='notes-svg';alert('notes')\"></svg>"
        + "<a href=\"javascript:alert('notes')\" id=\"evil\">pay here</a> soon";
    /** 32 characters at most (loan.product). */
    static final String PRODUCT = "<img src=x onerror=alert('p')>";
    static final String COMPLAINT = "You <b onmouseover=\"alert('c')\">bold</b> <script>window.__xss='complaint';alert('c')"
        + "</script> people call me every night, <iframe src=\"javascript:alert('c')\"></iframe>.";
    static final String COMPLAINANT = "<img src=1 onerror=alert('who')>";
    static final String ADDRESS = "<img src=x onerror=\"window.__xss='address';alert('a')\"> 8 Huaihai Road";

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static HeadlessChromium chromium;
    private static Browser browser;

    @LocalServerPort int port;
    @Autowired IdentityService identities;
    @Autowired StartupGrants grants;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired JdbcTemplate jdbc;
    @Autowired BorrowerPii pii;

    private final List<String> dialogs = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void launch() {
        chromium = HeadlessChromium.launch();
        browser = chromium.browser();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void payloadsShowAsTextAndNothingRuns() {
        SecurityTestUsers.ensure(identities, grants);
        CaseFixtures fixtures = new CaseFixtures(jdbc);
        String loanNo = fixtures.loan(12, LocalDate.now());
        String borrowerId = jdbc.queryForObject("SELECT borrower_id FROM loan WHERE loan_no = ?", String.class, loanNo);
        jdbc.update("UPDATE borrower SET name = ?, address = ? WHERE borrower_id = ?", NAME,
            pii.seal(BorrowerPii.ADDRESS, ADDRESS), borrowerId);
        // a recorded contact data change whose note and old address carry markup (shown in the change list)
        jdbc.update("INSERT INTO borrower_contact_change (change_id, borrower_id, changed_at, changed_by, source, note,"
            + " old_address, new_address) VALUES ('hostile-change', ?, ?, 'collector2', 'SKIP_TRACE', ?, ?, ?)", borrowerId,
            Timestamp.from(Instant.now()), NOTES, pii.seal(BorrowerPii.ADDRESS, ADDRESS), pii.seal(BorrowerPii.ADDRESS, ADDRESS));
        jdbc.update("INSERT INTO contact_report (loan_no, stage, channel, reached, outcome, notes, recorded_by, recorded_at)"
            + " VALUES (?, 'FIRST_LINE', 'CALL', TRUE, 'PROMISE_TO_PAY', ?, 'collector1', ?)", loanNo, NOTES,
            Timestamp.from(Instant.now()));
        fixtures.loan(40, LocalDate.now(), PRODUCT, "+86 138 0013 8001");
        ProcessInstance pi = runtime.startProcessInstanceByKey(CollectionCase.PROCESS_KEY, loanNo,
            Map.of(Vars.LOAN_NO, loanNo, Vars.DPD, 12, Vars.BUCKET, "DPD_1_29", Vars.OVERDUE_AMOUNT, 1062.5));
        Jobs.runAll(management);
        Task call = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(Elements.CALL_BORROWER).singleResult();
        assertThat(call).as("the case waits for the first call").isNotNull();
        tasks.claim(call.getId(), "collector1");

        complaintPage(loanNo);
        tasklistCallForm(call.getId());
        profilePage(loanNo, borrowerId);
        dashboard();
    }

    /** The public complaint page: hostile name and text are sent, the receipt shows, nothing runs. */
    private void complaintPage(String loanNo) {
        try (BrowserContext context = browser.newContext()) {
            Page page = open(context, "/complaint/");
            page.fill("#name", COMPLAINANT);
            page.fill("#phone", "+86 139 0000 1111");
            page.fill("#email", "hostile@example.com");
            page.fill("#loanNo", loanNo);
            page.fill("#text", COMPLAINT);
            page.click("#submit");
            page.waitForSelector("#receipt:not([hidden])");
            assertThat(page.textContent("#receipt-id")).startsWith("CMP-");
            assertNothingRan(page, "complaint page");
        }
    }

    /** Tasklist, logged in as collector1: the call form's header templates the borrower's name. */
    private void tasklistCallForm(String taskId) {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000))) {
            Page page = open(context, "/camunda/app/tasklist/default/");
            try {
                workTheCallForm(page, taskId);
            } catch (RuntimeException | AssertionError e) {
                screenshot(page, "hostile-markup-tasklist-failure.png");
                throw e;
            }
        }
    }

    private void workTheCallForm(Page page, String taskId) {
        Locator user = page.getByPlaceholder("Username");
        try {
            user.waitFor(new Locator.WaitForOptions().setTimeout(120_000));
        } catch (RuntimeException stillLoading) {
            // the first Tasklist load of a JVM on a loaded machine can stall; a reload gets it going
            page.reload();
        }
        user.fill("collector1");
        page.getByPlaceholder("Password").fill("collector1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL("**/tasklist/default/**");
        page.navigate(url("/camunda/app/tasklist/default/#/?task=" + taskId));
        Locator borrower = page.getByLabel("Borrower", new Page.GetByLabelOptions().setExact(true));
        borrower.waitFor();
        Locator header = page.locator(".fjs-form-field-text").filter(new Locator.FilterOptions().setHasText("Loan ")).first();
        screenshot(page, "hostile-markup-tasklist.png");
        assertThat(borrower.inputValue()).as("the name is a field's value, literally").isEqualTo(NAME);
        assertThat(header.innerText()).as("the header templates no free text").doesNotContain("Wang");
        assertThat(page.locator(".fjs-container img, .fjs-container script, .fjs-container iframe").count())
            .as("no element made from the name").isZero();
        assertNothingRan(page, "Tasklist call form");
    }

    /**
     * The borrower 360° view as collector1: name, notes and the complaint text as text; the contact data only
     * on request, in full for a collector, and that view is in the audit log; the list of contact data changes
     * and the change form hold hostile values as text too.
     */
    private void profilePage(String loanNo, String borrowerId) {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setHttpCredentials("collector1", "collector1"))) {
            Page page = open(context, "/profile/?loan=" + loanNo);
            try {
                page.waitForSelector("#profile h2, #profile p.error");
                assertThat(page.locator("#profile p.error").count()).as(page.innerText("#profile")).isZero();
                String text = page.innerText("#profile");
                assertThat(text).contains(NAME).contains(NOTES).contains("<script>window.__xss='complaint'");
                assertThat(text).as("contact data is not shown before it is asked for").doesNotContain("Huaihai");
                assertThat(views(borrowerId)).isZero();
                page.click("#contact-data button");
                page.waitForSelector("#contact-data dl");
                assertThat(page.innerText("#contact-data dl")).contains(ADDRESS).contains("+86");
                assertThat(views(borrowerId)).as("the reveal is audited").isEqualTo(1);
                page.waitForSelector("#contact-data-changes table");
                assertThat(page.innerText("#contact-data-changes")).contains(NOTES).contains("address: " + ADDRESS);
                page.waitForSelector("#contact-data-form");
                assertThat(page.locator("#profile img, #profile script, #profile svg, #profile iframe, #evil").count()).isZero();
            } finally {
                screenshot(page, "hostile-markup-profile.png");
            }
            assertNothingRan(page, "profile page");
        }
    }

    private int views(String borrowerId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'BORROWER_VIEW' AND subject_id = ?"
            + " AND actor = 'collector1'", Integer.class, borrowerId);
    }

    /** The managers' dashboard: the product slice is named by the hostile product. */
    private void dashboard() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setHttpCredentials("manager1", "manager1"))) {
            Page page = open(context, "/dashboard/");
            page.waitForSelector("body[data-loaded]");
            assertThat(page.innerText("#slice-table")).contains(PRODUCT);
            assertThat(page.locator("#slice-table img").count()).isZero();
            assertNothingRan(page, "dashboard");
        }
    }

    private Page open(BrowserContext context, String path) {
        Page page = context.newPage();
        // the Tasklist single-page app needs minutes on a loaded CI machine
        page.setDefaultTimeout(240_000);
        page.onDialog(dialog -> {
            dialogs.add(path + ": " + dialog.message());
            dialog.dismiss();
        });
        page.onConsoleMessage(m -> System.out.println("BROWSER " + path + " console " + m.type() + ": " + m.text()));
        page.onResponse(r -> {
            if (r.status() >= 400) {
                System.out.println("BROWSER " + path + " " + r.status() + " " + r.url());
            }
        });
        page.navigate(url(path));
        return page;
    }

    private void assertNothingRan(Page page, String where) {
        // give event handlers (onerror of a broken image, onload) the chance to fire
        page.waitForLoadState();
        page.waitForTimeout(500);
        if (page.locator("#evil").count() > 0) {
            page.locator("#evil").click();
        }
        assertThat(page.evaluate("() => window.__xss === undefined ? null : String(window.__xss)")).as(where).isNull();
        assertThat(dialogs).as(where).isEmpty();
    }

    private void screenshot(Page page, String file) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(file)).setFullPage(true));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
