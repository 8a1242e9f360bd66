package io.collectflow.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import io.collectflow.casework.CaseLifecycle;
import io.collectflow.casework.CaseWork;
import io.collectflow.casework.CollectionCase;
import io.collectflow.casework.CollectionCase.Elements;
import io.collectflow.casework.CollectionCase.Stages;
import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.casework.stage.CaseProcessTestSupport;
import io.collectflow.casework.stage.TaskForms;
import io.collectflow.loan.borrower.BorrowerContactData;
import io.collectflow.loan.borrower.ContactDataUpdate;
import io.collectflow.legal.process.LostContactStarts;

/**
 * lost-contact.bpmn, the 90-day rule that selects lost-contact loans, and who starts the process: at most
 * once per loan, and not again within the period.
 */
class LostContactProcessTest extends CaseProcessTestSupport {

    /** A complete Prepare litigation form. */
    private static final Map<String, Object> PREPARED = Map.of("litigationClaimAmount", 12612.5,
        "evidenceBundleChecked", true, "litigationCourt", "Shanghai Pudong New Area People's Court",
        "serviceByPublication", false);

    @Autowired LostContactService lostContact;
    @Autowired LostContactStarts starts;
    @Autowired CaseLifecycle lifecycle;
    @Autowired BorrowerContactData contactData;

    private void contact(String loanNo, int daysAgo, String result) {
        jdbc.update("""
            INSERT INTO contact_log (occurred_at, loan_no, borrower_id, channel, result, operator_id, operator_type,
                recorded_at) VALUES (?, ?, ?, 'call', ?, 'collector2', 'COLLECTOR', CURRENT_TIMESTAMP)""",
            java.sql.Timestamp.valueOf(today().minusDays(daysAgo).atTime(10, 0)), loanNo, "B-" + loanNo, result);
    }

    /** The collectors' call and visit tasks log their outcome as the result: a promise or a refusal is a reach. */
    @ParameterizedTest
    @CsvSource({"PROMISE_TO_PAY, false", "REFUSED, false", "PLAN_CONFIRMED, false", "NOT_MET, true", "OTHER, true"})
    void collectorOutcomesCountAsReachingTheBorrower(String result, boolean lost) {
        String loanNo = fixtures.loan(200, today());
        contact(loanNo, 10, "NO_ANSWER");
        contact(loanNo, 20, result);
        if (lost) {
            assertThat(lostContact.lostContactLoans(today())).contains(loanNo);
            assertThat(lostContact.lastReachedOn(loanNo)).isEmpty();
        } else {
            assertThat(lostContact.lostContactLoans(today())).doesNotContain(loanNo);
            assertThat(lostContact.lastReachedOn(loanNo)).contains(today().minusDays(20));
        }
    }

    @ParameterizedTest
    @CsvSource({"true, EndEvent_CollectionResumed", "false, EndEvent_LitigationPrepared"})
    void skipTraceThenAssessment(boolean found, String end) {
        String lost = fixtures.loan(200, today());
        contact(lost, 10, "NO_ANSWER");
        contact(lost, 120, "ANSWERED");
        String reached = fixtures.loan(200, today());
        contact(reached, 10, "NO_ANSWER");
        contact(reached, 30, "ANSWERED");
        assertThat(lostContact.lostContactLoans(today())).contains(lost).doesNotContain(reached);

        ProcessInstance pi = runtimeService.startProcessInstanceByKey("lost-contact", lost, Map.of(Vars.LOAN_NO, lost));
        complete(singleTask(pi, "Task_SkipTraceSystems"),
            Map.of(LostContactStarts.SYSTEMS_TRACE_NOTES, "registry: moved",
                LostContactStarts.NEW_CONTACT_FOUND, false));
        complete(singleTask(pi, "Task_SkipTraceSharedContacts"),
            Map.of(LostContactStarts.SHARED_CONTACTS_TRACE_NOTES, "sister: no answer",
                LostContactStarts.NEW_CONTACT_FOUND, false));
        complete(singleTask(pi, "Task_AssessLostContact"), Map.of("borrowerFound", found, "assessmentNotes", "x"));
        if (!found) {
            assertThat(pi).isWaitingAt("Task_PrepareLitigation").task().hasCandidateGroup("legal");
            complete(singleTask(pi, "Task_PrepareLitigation"), PREPARED);
        }
        assertThat(pi).hasPassed(end).isEnded();
    }

    /**
     * C5/D3 Prepare litigation has a form of its own (it shared litigation-step with its one date and notes, opened
     * with an empty claim and a "days past due" nobody set): the claim (proposed from the loan book), the evidence
     * bundle checked (collection records, contract, proof of loss), the court, service by publication and notes. What
     * the legal officer enters is kept on the loan's legal record ({@code litigation_preparation}), under who did it;
     * an incomplete preparation is refused naming the field and the task stays open.
     */
    @Test
    void preparingLitigationRecordsClaimEvidenceAndCourtOnTheLegalRecord() {
        String loanNo = fixtures.loan(200, today());
        ProcessInstance pi = runtimeService.startProcessInstanceByKey("lost-contact", loanNo, Map.of(Vars.LOAN_NO,
            loanNo, LostContactStarts.UNREACHABLE_SINCE, today().minusDays(120).toString()));
        complete(singleTask(pi, "Task_SkipTraceSystems"),
            Map.of(LostContactStarts.SYSTEMS_TRACE_NOTES, "registry: moved",
                LostContactStarts.NEW_CONTACT_FOUND, false));
        complete(singleTask(pi, "Task_SkipTraceSharedContacts"),
            Map.of(LostContactStarts.SHARED_CONTACTS_TRACE_NOTES, "sister: no answer",
                LostContactStarts.NEW_CONTACT_FOUND, false));
        complete(singleTask(pi, "Task_AssessLostContact"), Map.of("borrowerFound", false, "assessmentNotes",
            "gone for 4 months"));

        Task prepare = singleTask(pi, "Task_PrepareLitigation");
        assertThat(TaskForms.editableFields(engine.getFormService(), prepare.getId())).containsExactly(
            Map.entry("litigationClaimAmount", "number"), Map.entry("evidenceBundleChecked", "checkbox"),
            Map.entry("litigationCourt", "textfield"), Map.entry("serviceByPublication", "checkbox"),
            Map.entry("litigationPreparationNotes", "textarea"));
        assertThat(TaskForms.readOnlyFields(engine.getFormService(), prepare.getId())).containsKeys(
            LostContactStarts.SYSTEMS_TRACE_NOTES, LostContactStarts.SHARED_CONTACTS_TRACE_NOTES, "assessmentNotes");
        assertThat(TaskForms.prefilled(engine.getFormService(), taskService, prepare.getId()))
            .as("the claim is proposed from the loan book").containsOnlyKeys("litigationClaimAmount");
        assertThat(new BigDecimal(taskService.getVariable(prepare.getId(), "litigationClaimAmount").toString()))
            .isEqualByComparingTo("12612.50");

        Map<String, Object> entered = new HashMap<>(Map.of("litigationClaimAmount", 12800.5, "evidenceBundleChecked",
            true, "litigationCourt", "Shanghai Huangpu District People's Court", "serviceByPublication", true,
            "litigationPreparationNotes", "claim incl. costs; service by publication requested"));
        for (String missing : List.of("evidenceBundleChecked", "litigationCourt", "litigationClaimAmount")) {
            Map<String, Object> incomplete = new HashMap<>(entered);
            incomplete.put(missing, "evidenceBundleChecked".equals(missing) ? false : " ");
            assertThatThrownBy(() -> taskService.complete(prepare.getId(), incomplete))
                .as("without %s", missing).hasMessageContaining(missing);
        }
        assertThatThrownBy(() -> taskService.complete(prepare.getId(), Map.of("litigationClaimAmount", 0)))
            .hasMessageContaining("litigationClaimAmount");
        assertThat(pi).isWaitingAt("Task_PrepareLitigation");
        assertThat(fixtures.count("SELECT COUNT(*) FROM litigation_preparation WHERE loan_no = ?", loanNo)).isZero();

        taskService.setAssignee(prepare.getId(), "legal1");
        complete(prepare, entered);
        assertThat(pi).hasPassed("EndEvent_LitigationPrepared").isEnded();
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM litigation_preparation WHERE loan_no = ?", loanNo);
        assertThat(new BigDecimal(row.get("claim_amount").toString())).isEqualByComparingTo("12800.50");
        assertThat(row).containsEntry("evidence_checked", true)
            .containsEntry("court", "Shanghai Huangpu District People's Court")
            .containsEntry("service_by_publication", true)
            .containsEntry("notes", "claim incl. costs; service by publication requested")
            .containsEntry("prepared_by", "legal1").containsEntry("process_instance_id", pi.getId());
        assertThat(row.get("prepared_at")).isNotNull();
        assertThat(jdbc.queryForList("SELECT actor || ': ' || details FROM audit_event WHERE action = ?"
            + " AND subject_type = 'loan' AND subject_id = ?", String.class, LitigationPreparationService.AUDIT_PREPARED,
            loanNo)).as("the preparation's own audit event").singleElement().asString().startsWith("legal1: ")
            .contains("claim 12800.50", "court Shanghai Huangpu District People's Court", "service by publication asked",
                pi.getId());
    }

    /** C5 "assess and proceed": litigation prepared against a borrower nobody found moves the case to legal. */
    @ParameterizedTest
    @CsvSource({"false, 100, expanded, SECOND_LINE, LEGAL", "true, 100, expanded, SECOND_LINE, SECOND_LINE",
        "false, 200, expanded, AGENCY, LEGAL", "false, 100, short, LEGAL, LEGAL"})
    void litigationPreparedForALostBorrowerMovesTheCaseToTheLegalStage(boolean found, int dpd, String variant,
            String before, String after) {
        String loanNo = fixtures.loan(dpd, today());
        ProcessInstance collectionCase = startCase(loanNo, dpd, Map.of(Vars.STRATEGY_VARIANT, variant));
        // the short plan has the case in legal already at 100 days: it stays there, with its one legal action
        assertThat(variable(collectionCase, "currentStage")).isEqualTo(before);
        // the case row the scan writes beside the instance
        jdbc.update("""
            INSERT INTO collection_case (loan_no, status, active_loan_no, opened_on, opened_at, notified_bucket,
                                         process_instance_id)
            VALUES (?, 'ACTIVE', ?, ?, CURRENT_TIMESTAMP, ?, ?)""", loanNo, loanNo, today(), bucket(dpd),
            collectionCase.getId());

        ProcessInstance trace = runtimeService.startProcessInstanceByKey("lost-contact", loanNo,
            Map.of(Vars.LOAN_NO, loanNo));
        complete(singleTask(trace, "Task_SkipTraceSystems"),
            Map.of(LostContactStarts.SYSTEMS_TRACE_NOTES, "registry: moved",
                LostContactStarts.NEW_CONTACT_FOUND, false));
        complete(singleTask(trace, "Task_SkipTraceSharedContacts"),
            Map.of(LostContactStarts.SHARED_CONTACTS_TRACE_NOTES, "sister: no answer",
                LostContactStarts.NEW_CONTACT_FOUND, false));
        complete(singleTask(trace, "Task_AssessLostContact"), Map.of("borrowerFound", found, "assessmentNotes", "x"));
        if (!found) {
            assertThat(variable(collectionCase, "currentStage")).as("while litigation is prepared").isEqualTo(before);
            complete(singleTask(trace, "Task_PrepareLitigation"), PREPARED);
        }
        runJobs();

        assertThat(trace).isEnded();
        assertThat(variable(collectionCase, "currentStage")).isEqualTo(after);
        assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(collectionCase.getId())
            .processDefinitionKey("legal-action").count()).as("legal actions running").isEqualTo(found ? 0 : 1);
        // the hand-over is the process owners' decision table (lost-borrower-legal-handover.dmn), not a gateway rule
        List<HistoricDecisionInstance> handovers = historyService.createHistoricDecisionInstanceQuery()
            .processInstanceId(collectionCase.getId()).decisionDefinitionKey(CollectionCase.LEGAL_HANDOVER_DECISION_KEY)
            .includeInputs().includeOutputs().list();
        if (found) {
            assertThat(handovers).isEmpty();
            return;
        }
        assertThat(handovers).singleElement().satisfies(decision -> {
            assertThat(decision.getInputs()).singleElement().extracting(HistoricDecisionInputInstance::getValue)
                .isEqualTo(before);
            assertThat(decision.getOutputs()).singleElement().extracting(HistoricDecisionOutputInstance::getValue)
                .isEqualTo(!before.equals(after));
        });
        assertThat(collectionCase).hasPassed(Elements.DECIDE_LEGAL_HANDOVER,
            before.equals(after) ? Elements.STAYS_IN_STAGE : Elements.MOVED_TO_LEGAL);
    }

    /**
     * Process owners change the hand-over in Modeler, without Java: a new version of the table in which an agency case
     * stays with its agency decides the next hand-over (the business rule task binds the latest version).
     */
    @Test
    void aChangedHandoverTableDecidesWithoutACodeChange() throws Exception {
        String table = Files.readString(Path.of("processes", CollectionCase.LEGAL_HANDOVER_DECISION_KEY + ".dmn"))
            .replace("<text>\"LEGAL\",\"WRITE_OFF\"</text>", "<text>\"AGENCY\",\"LEGAL\",\"WRITE_OFF\"</text>");
        assertThat(table).contains("\"AGENCY\",\"LEGAL\"");
        String deployment = engine.getRepositoryService().createDeployment().name("agency cases stay")
            .addString(CollectionCase.LEGAL_HANDOVER_DECISION_KEY + ".dmn", table).deploy().getId();
        try {
            String loanNo = fixtures.loan(200, today());
            ProcessInstance collectionCase = startCase(loanNo, 200, Map.of(Vars.STRATEGY_VARIANT, "expanded"));
            assertThat(variable(collectionCase, Vars.CURRENT_STAGE)).isEqualTo(Stages.AGENCY);
            jdbc.update("""
                INSERT INTO collection_case (loan_no, status, active_loan_no, opened_on, opened_at, notified_bucket,
                                             process_instance_id)
                VALUES (?, 'ACTIVE', ?, ?, CURRENT_TIMESTAMP, ?, ?)""", loanNo, loanNo, today(), bucket(200),
                collectionCase.getId());

            lifecycle.lostBorrowerLitigationPrepared(loanNo);
            runJobs();

            assertThat(variable(collectionCase, Vars.CURRENT_STAGE)).isEqualTo(Stages.AGENCY);
            assertThat(collectionCase).hasPassed(Elements.STAYS_IN_STAGE).hasNotPassed(Elements.MOVED_TO_LEGAL);
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    /**
     * The two skip-trace steps each keep their own notes: the shared-contacts step opens empty (it used to open with
     * the look-ups' notes, one variable for both), and the manager's assessment shows what each step found.
     */
    @Test
    void eachSkipTraceStepOpensWithItsOwnNotesAndTheAssessmentShowsBoth() {
        String loanNo = fixtures.loan(200, today());
        ProcessInstance trace = trace(loanNo);

        for (String step : List.of("Task_SkipTraceSystems", "Task_SkipTraceSharedContacts")) {
            Task task = singleTask(trace, step);
            assertThat(TaskForms.prefilled(engine.getFormService(), taskService, task.getId()))
                .as("%s opens with", step).isEmpty();
            Map<String, Object> entered = new HashMap<>();
            TaskForms.editableFields(engine.getFormService(), task.getId()).forEach((key, type) ->
                entered.put(key, "checkbox".equals(type) ? false : step + ": nothing new"));
            complete(task, entered);
        }

        Task assessment = singleTask(trace, "Task_AssessLostContact");
        List<Object> shown = TaskForms.readOnlyFields(engine.getFormService(), assessment.getId()).keySet().stream()
            .map(key -> taskService.getVariable(assessment.getId(), key)).toList();
        assertThat(shown).contains("Task_SkipTraceSystems: nothing new", "Task_SkipTraceSharedContacts: nothing new");
    }

    /**
     * C5: a skip-trace step that found new contact data ends the trace (no further steps, no assessment) once the data
     * is in the borrower's record, and the collection case goes on with it: no longer marked lost, the find recorded,
     * its next contact reads the new data.
     */
    @ParameterizedTest
    @CsvSource({"Task_SkipTraceSystems, systemsTraceNotes", "Task_SkipTraceSharedContacts, sharedContactsTraceNotes"})
    void aNewContactFoundEndsTheSkipTraceAndTheCaseGoesOnWithIt(String foundAt, String notes) {
        String loanNo = fixtures.loan(120, today());
        String caseId = lifecycle.open(new CaseWork(loanNo, 120, bucket(120), new BigDecimal("1050.00"), null, null),
            today());
        runJobs();
        ProcessInstance collectionCase = runtimeService.createProcessInstanceQuery().processInstanceId(caseId)
            .singleResult();
        ProcessInstance trace = trace(loanNo);
        assertThat(variable(collectionCase, Vars.LOST_CONTACT)).isEqualTo(true);
        if (foundAt.equals("Task_SkipTraceSharedContacts")) {
            complete(singleTask(trace, "Task_SkipTraceSystems"), Map.of(LostContactStarts.SYSTEMS_TRACE_NOTES,
                "registry: nothing", LostContactStarts.NEW_CONTACT_FOUND, false));
        }
        Task step = singleTask(trace, foundAt);

        // ticked before the new number is in the borrower's record: refused, the step stays open
        assertThatThrownBy(() -> taskService.complete(step.getId(), Map.of(notes, "new mobile number",
            LostContactStarts.NEW_CONTACT_FOUND, true))).hasMessageContaining(LostContactStarts.NEW_CONTACT_FOUND)
            .hasMessageContaining("borrower's record");
        assertThat(trace).isWaitingAt(foundAt);
        contactData.update("B-" + loanNo, new ContactDataUpdate("+86 139 0000 4321", null, null, "SKIP_TRACE",
            "new mobile number"), "collector2", ClockUtil.getCurrentTime().toInstant());
        complete(step, Map.of(notes, "new mobile number", LostContactStarts.NEW_CONTACT_FOUND, true));
        runJobs();

        assertThat(trace).hasPassed("EndEvent_CollectionResumed").hasNotPassed("Task_AssessLostContact").isEnded();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(trace.getId())
            .activityId("Task_SkipTraceSharedContacts").count()).as("shared contacts asked")
            .isEqualTo(foundAt.equals("Task_SkipTraceSystems") ? 0 : 1);
        assertThat(jdbc.queryForObject("SELECT outcome FROM lost_contact_case WHERE loan_no = ?", String.class, loanNo))
            .isEqualTo("FOUND");
        assertThat(variable(collectionCase, Vars.LOST_CONTACT)).isEqualTo(false);
        assertThat(fixtures.count("SELECT COUNT(*) FROM case_event WHERE loan_no = ? AND event_type = 'BORROWER_FOUND'",
            loanNo)).isOne();
        assertThat(collectionCase).isWaitingAt("Task_VisitBorrower");
        assertThat((String) variable(collectionCase, Vars.PHONE_MASKED)).endsWith("4321");
    }

    private ProcessInstance trace(String loanNo) {
        String id = starts.start(loanNo, "manager1").processInstanceId();
        runJobs();
        return runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    private long running(String loanNo) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(LostContactStarts.PROCESS_KEY)
            .processInstanceBusinessKey(loanNo).count();
    }

    @Test
    void nightlyRunStartsOneSkipTracePerUnreachableLoanAndNotAgainWithinThePeriod() {
        String lost = fixtures.loan(200, today());
        contact(lost, 5, "NO_ANSWER");
        contact(lost, 100, "ANSWERED");
        String reached = fixtures.loan(200, today());
        contact(reached, 5, "NO_ANSWER");
        contact(reached, 20, "ANSWERED");

        LostContactStarts.Run first = starts.startAll(today());
        assertThat(first.started()).isGreaterThanOrEqualTo(1);
        assertThat(first.failed()).isZero();
        assertThat(running(lost)).isOne();
        assertThat(running(reached)).isZero();
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(lost)
            .processDefinitionKey(LostContactStarts.PROCESS_KEY).singleResult();
        assertThat(runtimeService.getVariable(pi.getId(), LostContactStarts.UNREACHABLE_SINCE))
            .isEqualTo(today().minusDays(100).toString());
        assertThat(runtimeService.getVariable(pi.getId(), LostContactStarts.STARTED_BY)).isEqualTo(LostContactStarts.SCHEDULE);

        // the next night: running, so not a candidate
        assertThat(lostContact.lostContactLoans(today())).doesNotContain(lost);
        starts.startAll(today());
        assertThat(running(lost)).isOne();

        complete(singleTask(pi, "Task_SkipTraceSystems"), Map.of(LostContactStarts.SYSTEMS_TRACE_NOTES, "registry: nothing",
            LostContactStarts.NEW_CONTACT_FOUND, false));
        complete(singleTask(pi, "Task_SkipTraceSharedContacts"),
            Map.of(LostContactStarts.SHARED_CONTACTS_TRACE_NOTES, "sister: new number",
                LostContactStarts.NEW_CONTACT_FOUND, false));
        // the end is stamped with the engine's clock (a simulation sets it), not the wall clock: noon today, so that the
        // trace ends today whatever the time of day the test runs (3 hours from now ended tomorrow after 21:00)
        Instant assessedAt = today().atTime(12, 0, 7).atZone(ZoneId.systemDefault()).toInstant();
        ClockUtil.setCurrentTime(Date.from(assessedAt));
        complete(singleTask(pi, "Task_AssessLostContact"), Map.of("borrowerFound", true, "assessmentNotes", "reached"));
        assertThat(pi).isEnded();
        assertThat(jdbc.queryForObject("SELECT ended_at FROM lost_contact_case WHERE loan_no = ?", Timestamp.class, lost)
            .toInstant()).isEqualTo(assessedAt);
        ClockUtil.reset();

        // the guard is free again and holds the outcome; the loan waits out the period before another trace
        assertThat(jdbc.queryForObject("""
            SELECT COALESCE(active_loan_no, '-') || '/' || outcome || '/' || started_by FROM lost_contact_case
             WHERE loan_no = ?""", String.class, lost)).isEqualTo("-/FOUND/SCHEDULE");
        assertThat(lostContact.lostContactLoans(today())).doesNotContain(lost);
        // three months on, still tried and never answered: traced again
        contact(lost, -85, "NO_ANSWER");
        assertThat(lostContact.lostContactLoans(today().plusDays(91))).contains(lost);
    }

    @Test
    void twoNodesStartingTheSameLoanAtOnceGetOneSkipTrace() throws Exception {
        String loanNo = fixtures.loan(200, today());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<LostContactStarts.Started>> results = new ArrayList<>();
            for (String node : List.of("node-a", "node-b")) {
                results.add(CompletableFuture.supplyAsync(() -> {
                    await(go);
                    return starts.start(loanNo, node);
                }, nodes));
            }
            go.countDown();
            List<LostContactStarts.Started> started = results.stream().map(CompletableFuture::join).toList();

            assertThat(started).extracting(LostContactStarts.Started::duplicate).containsExactlyInAnyOrder(false, true);
            assertThat(started).extracting(LostContactStarts.Started::processInstanceId).doesNotContainNull()
                .containsOnly(started.get(0).processInstanceId());
            assertThat(running(loanNo)).isOne();
            assertThat(fixtures.count("SELECT COUNT(*) FROM lost_contact_case WHERE loan_no = ?", loanNo)).isOne();
        } finally {
            nodes.shutdownNow();
        }
    }

    @Test
    void aGuardLeftByADeletedProcessDoesNotBlockTheNextStart() {
        String loanNo = fixtures.loan(200, today());
        // claims and releases are stamped with the engine's clock (a simulation sets it), not the wall clock
        Instant startedAt = Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        ClockUtil.setCurrentTime(Date.from(startedAt));
        try {
            LostContactStarts.Started first = starts.start(loanNo, "manager1");
            runtimeService.deleteProcessInstance(first.processInstanceId(), "operator removed it", true);
            Instant releasedAt = startedAt.plus(Duration.ofDays(2));
            ClockUtil.setCurrentTime(Date.from(releasedAt));

            LostContactStarts.Started second = starts.start(loanNo, "manager1");

            assertThat(second.duplicate()).isFalse();
            assertThat(second.processInstanceId()).isNotEqualTo(first.processInstanceId());
            assertThat(running(loanNo)).isOne();
            List<Map<String, Object>> guards = jdbc.queryForList(
                "SELECT started_at, ended_at FROM lost_contact_case WHERE loan_no = ? ORDER BY id", loanNo);
            assertThat(guards).hasSize(2);
            assertThat(((Timestamp) guards.get(0).get("started_at")).toInstant()).isEqualTo(startedAt);
            assertThat(((Timestamp) guards.get(0).get("ended_at")).toInstant()).isEqualTo(releasedAt);
            assertThat(((Timestamp) guards.get(1).get("started_at")).toInstant()).isEqualTo(releasedAt);
        } finally {
            ClockUtil.reset();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
