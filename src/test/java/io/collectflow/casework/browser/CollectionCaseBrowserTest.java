package io.collectflow.casework.browser;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.collectflow.browser.HeadlessChromium;
import io.collectflow.casework.CollectionCase;
import io.collectflow.casework.CollectionCase.Elements;
import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.casework.stage.CaseFixtures;
import io.collectflow.casework.stage.Jobs;
import io.collectflow.contact.Channel;
import io.collectflow.contact.Operator;
import io.collectflow.contact.compliance.ComplianceService;
import io.collectflow.contact.compliance.Verdict;

/**
 * A first-line collector works a case in the real Tasklist, in Debian's Chromium: log in, open the
 * "First line" filter, claim the call, record a promise to pay in the Camunda Form and complete
 * it; the engine then waits for the promise date.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // Tasklist addresses its engine by name: this context's engine is the JVM's "default" one
    "camunda.bpm.generate-unique-process-engine-name=false", "camunda.bpm.process-engine-name=default",
    // group ids such as collectors-l1 (the application sets the same pattern)
    "camunda.bpm.generic-properties.properties.generalResourceWhitelistPattern=[a-zA-Z0-9-]+|camunda-admin"})
@ActiveProfiles("test")
class CollectionCaseBrowserTest {

    private static final String COLLECTOR = "collector1";
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired JdbcTemplate jdbc;
    @Autowired ComplianceService compliance;

    private HeadlessChromium chromium;
    private Browser browser;
    private Page page;

    @BeforeEach
    void launchChromium() {
        AbstractAssertions.init(engine);
        ensureCollector();
        chromium = HeadlessChromium.launch();
        browser = chromium.browser();
        page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 1000));
        // a loaded CI machine needs time for the Tasklist single-page app
        page.setDefaultTimeout(90_000);
    }

    @AfterEach
    void closeChromium() {
        ClockUtil.reset();
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void collectorRecordsAPromiseToPayInTasklist() {
        LocalDate today = LocalDate.now();
        String loanNo = new CaseFixtures(jdbc).loan(12, today);
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(CollectionCase.PROCESS_KEY, loanNo,
            Map.of(Vars.LOAN_NO, loanNo, Vars.DPD, 12, Vars.BUCKET, "DPD_1_29", Vars.OVERDUE_AMOUNT, 1062.5));
        runJobs();
        assertThat(pi).isWaitingAt(Elements.CALL_BORROWER);
        moveIntoTheContactWindow(loanNo);

        try {
            page.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/");
            page.getByPlaceholder("Username").fill(COLLECTOR);
            page.getByPlaceholder("Password").fill(COLLECTOR);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
            page.waitForURL("**/tasklist/default/**");
            // open the "First line" filter (by its address: the filter list renders late on a loaded machine)
            String firstLine = engine.getFilterService().createFilterQuery().filterName("First line").singleResult().getId();
            page.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/#/?filter=" + firstLine);
            page.locator(".tasks-list li").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(loanNo))
                .first().click();
            page.getByText("Claim", new Page.GetByTextOptions().setExact(true)).first().click();

            page.getByLabel("Borrower reached").check();
            page.getByLabel("Promise to pay").check();
            // far enough ahead to stay in the future after moving the clock into the contact window
            LocalDate promiseDate = today.plusDays(20);
            page.getByLabel("Promise date").fill(promiseDate.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")));
            page.getByLabel("Promise date").press("Enter");
            page.getByLabel("Promised amount").fill("500");
            page.getByLabel("Notes (summary of the conversation)").fill("Borrower will pay next week after salary.");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("call-borrower-form.png")).setFullPage(true));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete")).click();
            page.waitForCondition(() -> runtimeService.createExecutionQuery().processInstanceId(pi.getId())
                .activityId("Task_RecordCallOutcome").count() > 0, new Page.WaitForConditionOptions().setTimeout(30_000));
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("call-borrower-completed.png")));
        } catch (RuntimeException | AssertionError e) {
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("call-borrower-failure.png")).setFullPage(true));
            throw e;
        }

        runJobs();
        assertThat(pi).hasPassed(Elements.CALL_BORROWER, "Task_RecordCallOutcome").isWaitingAt(Elements.PROMISE_DUE)
            .variables().containsEntry(Vars.CALL_RESULT, "PROMISE_TO_PAY");
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject(
            "SELECT amount FROM promise_to_pay WHERE loan_no = ? AND status = 'OPEN'", java.math.BigDecimal.class, loanNo))
            .isEqualByComparingTo("500");
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject(
            "SELECT recorded_by FROM contact_report WHERE loan_no = ?", String.class, loanNo)).isEqualTo(COLLECTOR);
    }

    /**
     * The guard refuses calls at night, at weekends and on holidays; this test may run at any time,
     * so the engine's clock moves to the borrower's next permitted moment when now is not one.
     */
    private void moveIntoTheContactWindow(String loanNo) {
        Verdict now = compliance.preview(loanNo, Channel.CALL, Operator.SYSTEM, Instant.now());
        if (!now.allowed()) {
            ClockUtil.setCurrentTime(Date.from(now.nextAllowedAt().toInstant().plus(Duration.ofHours(1))));
        }
    }

    /** collector1 of collectors-l1, and an administrator so the webapps skip their first-run setup page. */
    private void ensureCollector() {
        ensureUser("testadmin", "camunda-admin", "SYSTEM");
        ensureUser(COLLECTOR, "collectors-l1", "WORKFLOW");
    }

    private void ensureUser(String userId, String groupId, String groupType) {
        if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identityService.newGroup(groupId);
            group.setName(groupId);
            group.setType(groupType);
            identityService.saveGroup(group);
        }
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            User user = identityService.newUser(userId);
            user.setFirstName(userId);
            user.setLastName("(test)");
            user.setPassword(userId);
            identityService.saveUser(user);
            identityService.createMembership(userId, groupId);
        }
    }

    private void runJobs() {
        Jobs.runAll(managementService);
    }
}
