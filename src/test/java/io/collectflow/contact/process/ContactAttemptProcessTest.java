package io.collectflow.contact.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import io.collectflow.contact.ContactTestData;
import io.collectflow.contact.compliance.BorrowerFlagService;
import io.collectflow.contact.log.ContactLog;
import io.collectflow.contact.log.ContactLogEntry;

/** contact-attempt.bpmn with the real guard, templates, outbox channel and contact log (test profile: outbox). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ContactAttemptProcessTest {

    private static final String PREFIX = "CAP-";
    private static final Set<String> COVERED = new HashSet<>();
    private static Set<String> allFlowNodes;

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired RepositoryService repository;
    @Autowired JdbcClient jdbc;
    @Autowired ContactLog contactLog;
    @Autowired BorrowerFlagService flags;

    @BeforeEach
    void setUp() {
        init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private static void clock(String isoWithOffset) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(isoWithOffset).toInstant()));
    }

    private ProcessInstance start(String loanNo, String channel, String purpose) {
        return runtime.startProcessInstanceByKey(ContactAttempt.PROCESS_KEY, loanNo, Map.of(
            ContactAttempt.Vars.LOAN_NO, loanNo, ContactAttempt.Vars.CHANNEL, channel, ContactAttempt.Vars.PURPOSE, purpose));
    }

    private Job timer(ProcessInstance pi) {
        return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    }

    @Test
    void aContactBlockedAtNightWaitsForTheNextWindowAndIsSentThen() {
        String loanNo = PREFIX + "NIGHT";
        ContactTestData.overdueLoan(jdbc, loanNo, "CN-SH", "Asia/Shanghai", "night@example.com");
        clock("2026-03-07T23:00:00+08:00"); // Saturday night
        ProcessInstance pi = start(loanNo, "sms", "REMINDER_30");
        assertThat(pi).isWaitingAt("Task_CheckCompliance");
        execute(job(pi));
        assertThat(pi).isWaitingAt("TimerEvent_NextAllowedWindow")
            .variables().containsEntry(ContactAttempt.Vars.CONTACT_ALLOWED, false);
        assertThat((String) runtime.getVariable(pi.getId(), ContactAttempt.Vars.BLOCK_REASONS))
            .contains("WEEKEND").contains("OUTSIDE_HOURS");
        // Sunday is a weekend too: the timer is due on Monday 09:00 in Shanghai
        assertThat(timer(pi).getDuedate().toInstant()).isEqualTo(OffsetDateTime.parse("2026-03-09T09:00:00+08:00").toInstant());

        clock("2026-03-09T09:00:00+08:00");
        execute(timer(pi));
        assertThat(pi).isWaitingAt("Task_CheckCompliance");
        execute(job(pi));
        assertThat(pi).isWaitingAt("Task_SendMessage");
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("EndEvent_ContactSent")
            .variables().containsEntry(ContactAttempt.Vars.CONTACT_OUTCOME, ContactAttempt.OUTCOME_SENT);

        List<ContactLogEntry> log = contactLog.forLoan(loanNo);
        assertThat(log).singleElement().satisfies(e -> {
            assertThat(e.result()).isEqualTo("SENT");
            assertThat(e.occurredAt()).isEqualTo(OffsetDateTime.parse("2026-03-09T09:00:00+08:00").toInstant());
            assertThat(e.templateId()).isEqualTo("REMINDER_30/zh-CN/a");
            assertThat(e.templateVersion()).isEqualTo(1);
            assertThat(e.contentHash()).hasSize(64);
            assertThat(e.verdictId()).isNotNull();
        });
        String sent = jdbc.sql("SELECT body FROM contact_outbox WHERE loan_no = :l").param("l", loanNo)
            .query(String.class).single();
        assertThat(sent).contains("1234.56").contains("56.78").contains("12.34").contains(loanNo)
            .contains("https://pay.collectflow.example/repay/" + loanNo);
        record(pi);
    }

    @Test
    void aContactThatBecomesBlockedBeforeSendingWaitsAgainAndTheNextMessageUsesTheOtherVariant() {
        String loanNo = PREFIX + "LATE";
        ContactTestData.overdueLoan(jdbc, loanNo, "CN-SH", "Asia/Shanghai", "late@example.com");
        clock("2026-03-09T20:59:00+08:00");
        ProcessInstance first = start(loanNo, "email", "REMINDER_30");
        execute(job(first));
        assertThat(first).isWaitingAt("Task_SendMessage");
        clock("2026-03-09T21:00:30+08:00"); // the send job runs after the window closed
        execute(job(first));
        assertThat(first).hasPassed("BoundaryEvent_BlockedAtSending").isWaitingAt("TimerEvent_NextAllowedWindow");
        assertThat(timer(first).getDuedate().toInstant()).isEqualTo(OffsetDateTime.parse("2026-03-10T09:00:00+08:00").toInstant());
        clock("2026-03-10T09:00:00+08:00");
        execute(timer(first));
        execute(job(first));
        execute(job(first));
        assertThat(first).isEnded().hasPassed("EndEvent_ContactSent");

        ProcessInstance second = start(loanNo, "email", "REMINDER_30");
        execute(job(second));
        execute(job(second));
        assertThat(second).isEnded();
        assertThat(contactLog.forLoan(loanNo)).extracting(ContactLogEntry::templateId)
            .containsExactly("REMINDER_30/zh-CN/a", "REMINDER_30/zh-CN/b");
        record(first);
        record(second);
    }

    @Test
    void aSecondSmsOnTheSameDayWaitsForTomorrow() {
        String loanNo = PREFIX + "CAP";
        ContactTestData.overdueLoan(jdbc, loanNo, "CN-SH", "Asia/Shanghai", "cap@example.com");
        clock("2026-03-10T10:00:00+08:00");
        ProcessInstance first = start(loanNo, "sms", "REMINDER_30");
        execute(job(first));
        execute(job(first));
        assertThat(first).isEnded();
        ProcessInstance second = start(loanNo, "sms", "BROKEN_PROMISE");
        execute(job(second));
        assertThat(second).isWaitingAt("TimerEvent_NextAllowedWindow");
        assertThat((String) runtime.getVariable(second.getId(), ContactAttempt.Vars.BLOCK_REASONS)).isEqualTo("FREQUENCY_CAP");
        assertThat(timer(second).getDuedate().toInstant()).isEqualTo(OffsetDateTime.parse("2026-03-11T09:00:00+08:00").toInstant());
        record(second);
    }

    @Test
    void anOpenComplaintHoldsTheContactUntilItIsClosed() {
        String loanNo = PREFIX + "COMPLAINT";
        ContactTestData.overdueLoan(jdbc, loanNo, "CN-SH", "Asia/Shanghai", "complaint@example.com");
        flags.openComplaint(ContactTestData.borrowerOf(loanNo), "complaints1", "complaint C-1");
        clock("2026-03-10T10:00:00+08:00");
        ProcessInstance pi = start(loanNo, "email", "PLAN_CONFIRMATION");
        execute(job(pi));
        assertThat(pi).isWaitingAt("TimerEvent_NextAllowedWindow");
        assertThat(timer(pi).getDuedate().toInstant()).isEqualTo(OffsetDateTime.parse("2026-03-11T10:00:00+08:00").toInstant());
        // still open the next day: it waits again, nothing is sent or dropped
        clock("2026-03-11T10:00:00+08:00");
        execute(timer(pi));
        execute(job(pi));
        assertThat(pi).isWaitingAt("TimerEvent_NextAllowedWindow");
        flags.closeComplaint(ContactTestData.borrowerOf(loanNo), "complaints1", "resolved");
        clock("2026-03-12T10:00:00+08:00");
        execute(timer(pi));
        execute(job(pi));
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("EndEvent_ContactSent");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM compliance_verdict WHERE loan_no = :l AND reasons = 'COMPLAINT_OPEN'")
            .param("l", loanNo).query(Integer.class).single()).isEqualTo(2);
        record(pi);
    }

    @Test
    void anEmailToABorrowerWithoutAddressEndsAsFailedAndIsLogged() {
        String loanNo = PREFIX + "NOMAIL";
        ContactTestData.overdueLoan(jdbc, loanNo, "US-NY", "America/New_York", null);
        clock("2026-03-10T10:00:00-04:00");
        ProcessInstance pi = start(loanNo, "email", "REMINDER_30");
        execute(job(pi));
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("EndEvent_ContactFailed")
            .variables().containsEntry(ContactAttempt.Vars.CONTACT_OUTCOME, ContactAttempt.OUTCOME_FAILED);
        assertThat(contactLog.forLoan(loanNo)).singleElement().satisfies(e -> {
            assertThat(e.result()).isEqualTo("FAILED");
            assertThat(e.templateId()).isEqualTo("REMINDER_30/en/a");
            assertThat(e.summary()).contains("no e-mail address");
        });
        record(pi);
    }

    private void record(ProcessInstance pi) {
        history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).list().stream()
            .map(HistoricActivityInstance::getActivityId).forEach(COVERED::add);
        if (allFlowNodes == null) {
            String definitionId = pi.getProcessDefinitionId();
            allFlowNodes = repository.getBpmnModelInstance(definitionId).getModelElementsByType(FlowNode.class).stream()
                .map(FlowNode::getId).collect(Collectors.toSet());
        }
    }

    @AfterAll
    static void atLeastNinetyPercentOfTheFlowNodesAreCovered() {
        Set<String> missing = new HashSet<>(allFlowNodes);
        missing.removeAll(COVERED);
        double coverage = 1.0 - (double) missing.size() / allFlowNodes.size();
        assertThat(coverage).as("flow-node coverage of contact-attempt, missing %s", missing).isGreaterThanOrEqualTo(0.9);
    }
}
