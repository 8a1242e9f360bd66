package io.collectflow.complaint.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import io.collectflow.complaint.AccountabilityService;
import io.collectflow.complaint.Complaint;
import io.collectflow.complaint.ComplaintService;
import io.collectflow.complaint.ComplaintTestData;
import io.collectflow.complaint.DecisionInput;
import io.collectflow.complaint.Registration;
import io.collectflow.complaint.process.ComplaintProcess.Vars;
import io.collectflow.contact.Channel;
import io.collectflow.contact.Operator;
import io.collectflow.contact.compliance.ComplianceService;
import io.collectflow.contact.compliance.ReasonCode;
import io.collectflow.contact.compliance.Verdict;

/**
 * complaint.bpmn with the real services, guard and outbox channel: happy path with confirmed misconduct,
 * hotline start form, both deadlines firing, contact held while open, decision checks; flow-node coverage gate.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ComplaintProcessTest {

    private static final Set<String> COVERED = new HashSet<>();
    private static Set<String> allFlowNodes;
    /** a Tuesday 10:00 in Shanghai: inside the contact window on a working day */
    private static final Instant WORKDAY_MORNING = OffsetDateTime.parse("2026-03-10T10:00:00+08:00").toInstant();

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired RepositoryService repository;
    @Autowired JdbcClient jdbc;
    @Autowired ComplaintIntake intake;
    @Autowired ComplaintService complaints;
    @Autowired AccountabilityService accountability;
    @Autowired ComplianceService compliance;

    @BeforeEach
    void setUp() {
        init(engine);
    }

    private ProcessInstance instance(Complaint c) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.complaintNo()).singleResult();
    }

    private void complete(ProcessInstance pi, String taskKey, String user, Map<String, Object> vars) {
        Task t = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).singleResult();
        tasks.claim(t.getId(), user);
        tasks.complete(t.getId(), vars);
    }

    private Verdict collectorEmailVerdict(String loanNo) {
        return compliance.check(loanNo, Channel.EMAIL, Operator.collector("collector1"), WORKDAY_MORNING).verdict();
    }

    /** the pending asynchronous continuation (not a deadline timer) */
    private Job asyncJob(ProcessInstance pi) {
        return management.createJobQuery().processInstanceId(pi.getId()).messages().singleResult();
    }

    private Job timer(ProcessInstance pi, String activityId) {
        return management.createJobQuery().processInstanceId(pi.getId()).timers().activityId(activityId).singleResult();
    }

    private static Map<String, Object> vars(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void confirmedMisconductRunsTheWholeLoopHoldsContactWhileOpenAndChargesTheCollector() {
        String loanNo = "CPT-LOOP";
        String borrower = ComplaintTestData.loan(jdbc, loanNo);
        assertThat(collectorEmailVerdict(loanNo).allowed()).isTrue();

        Complaint c = intake.submit(ComplaintTestData.online(loanNo, "The collector called my employer <b>twice</b>."));
        ProcessInstance pi = instance(c);
        assertThat(pi).isWaitingAt(ComplaintProcess.TASK_REGISTER).hasNotPassed("Task_RecordHotlineComplaint");
        assertThat(task(pi)).hasCandidateGroup("complaints");
        assertThat(timer(pi, "TimerEvent_AcknowledgeDeadline").getDuedate()).isEqualTo(Date.from(c.acknowledgeBy()));
        assertThat(timer(pi, "TimerEvent_ResolveDeadline").getDuedate()).isEqualTo(Date.from(c.resolveBy()));

        // open: the guard blocks collection contact with reason COMPLAINT_OPEN
        Verdict held = collectorEmailVerdict(loanNo);
        assertThat(held.allowed()).isFalse();
        assertThat(held.reasons()).containsExactly(ReasonCode.COMPLAINT_OPEN);

        complete(pi, ComplaintProcess.TASK_REGISTER, "complaints1",
            vars(Vars.CATEGORY, "harassment", Vars.LOAN_NO, loanNo, Vars.COLLECTOR_ID, "collector1", Vars.AGENCY_ID, ""));
        execute(asyncJob(pi));
        assertThat(pi).isWaitingAt(ComplaintProcess.TASK_INVESTIGATE);
        assertThat((String) runtime.getVariable(pi.getId(), Vars.CONTACT_LOG)).isEqualTo("The contact log of this loan is empty.");

        complete(pi, ComplaintProcess.TASK_INVESTIGATE, "complaints1",
            vars(Vars.FINDINGS, "Call recording confirms the call to the employer.", Vars.MISCONDUCT_CONFIRMED, true));
        complete(pi, ComplaintProcess.TASK_HANDLE, "complaints1",
            vars(Vars.DECISION, "UPHELD", Vars.REMEDY, "Apology; collector1 removed from your case."));
        execute(asyncJob(pi)); // record decision
        execute(asyncJob(pi)); // feedback
        assertThat(contactAllowed(loanNo)).as("held until archived").isFalse();
        execute(asyncJob(pi)); // archive
        assertThat(pi).isEnded().hasPassed("Task_SaveRegistration", "Task_RecordDecision", "Task_SendFeedback",
            "EndEvent_Resolved", "Task_ArchiveComplaint", "EndEvent_ComplaintArchived");
        assertThat(pi).variables().containsEntry(Vars.FEEDBACK_CHANNEL, "email");

        Complaint archived = complaints.get(c.complaintNo());
        assertThat(archived.status()).isEqualTo(Complaint.STATUS_ARCHIVED);
        assertThat(archived.borrowerId()).isEqualTo(borrower);
        assertThat(archived.text()).isEqualTo("The collector called my employer <b>twice</b>.");
        assertThat(accountability.forSubject("collector1")).singleElement().satisfies(r -> {
            assertThat(r.complaintNo()).isEqualTo(c.complaintNo());
            assertThat(r.subjectType()).isEqualTo("COLLECTOR");
            assertThat(r.category()).isEqualTo("HARASSMENT");
            assertThat(r.recordedBy()).isEqualTo("complaints1");
        });
        List<String> sent = jdbc.sql("SELECT subject FROM contact_outbox WHERE recipient = 'li.wei@example.com' AND subject LIKE :s ORDER BY id")
            .param("s", "%" + c.complaintNo() + "%").query(String.class).list();
        assertThat(sent).containsExactly("Your complaint " + c.complaintNo() + " is registered",
            "Outcome of your complaint " + c.complaintNo());

        // archived: contact is allowed again
        assertThat(collectorEmailVerdict(loanNo).allowed()).isTrue();
        record(pi);
    }

    private boolean contactAllowed(String loanNo) {
        return collectorEmailVerdict(loanNo).allowed();
    }

    @Test
    void aHotlineComplaintIsRecordedFromTheStartFormAndBothDeadlinesEscalateToManagers() {
        String loanNo = "CPT-HOTLINE";
        ComplaintTestData.loan(jdbc, loanNo);
        ProcessInstance pi = runtime.startProcessInstanceByKey(ComplaintProcess.PROCESS_KEY, vars(
            Vars.COMPLAINANT_NAME, "Wang Fang", Vars.COMPLAINANT_PHONE, "13800138001", Vars.LOAN_NO, loanNo,
            Vars.CATEGORY, "fee_dispute", Vars.COMPLAINT_TEXT, "Penalty charged twice"));
        assertThat(pi).isWaitingAt("Task_RecordHotlineComplaint");
        execute(asyncJob(pi));
        assertThat(pi).isWaitingAt(ComplaintProcess.TASK_REGISTER);
        String complaintId = (String) runtime.getVariable(pi.getId(), Vars.COMPLAINT_ID);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey())
            .isEqualTo(complaintId).startsWith("CMP-");
        assertThat(complaints.get(complaintId).channel().code()).isEqualTo("hotline");
        assertThat(contactAllowed(loanNo)).isFalse();

        // 1 working day passes without registration: managers are asked, the register task stays
        execute(timer(pi, "TimerEvent_AcknowledgeDeadline"));
        assertThat(pi).isWaitingAt(ComplaintProcess.TASK_REGISTER, "Task_EscalateAcknowledgement");
        Task ackEscalation = tasks.createTaskQuery().processInstanceId(pi.getId())
            .taskDefinitionKey("Task_EscalateAcknowledgement").singleResult();
        assertThat(ackEscalation).hasCandidateGroup("managers");
        complete(pi, "Task_EscalateAcknowledgement", "manager1", vars(Vars.ESCALATION_NOTE, "Team reminded"));
        assertThat(pi).hasPassed("EndEvent_AcknowledgementEscalated").isWaitingAt(ComplaintProcess.TASK_REGISTER);

        // 15 days pass: the overdue complaint goes to the managers too, the work goes on
        execute(timer(pi, "TimerEvent_ResolveDeadline"));
        assertThat(pi).isWaitingAt(ComplaintProcess.TASK_REGISTER, "Task_EscalateOverdueComplaint");
        complete(pi, "Task_EscalateOverdueComplaint", "manager1", vars(Vars.ESCALATION_NOTE, "Asked for a decision this week"));
        assertThat(pi).hasPassed("EndEvent_OverdueEscalated");

        complete(pi, ComplaintProcess.TASK_REGISTER, "complaints1", vars(Vars.CATEGORY, "fee_dispute"));
        execute(asyncJob(pi));
        complete(pi, ComplaintProcess.TASK_INVESTIGATE, "complaints1",
            vars(Vars.FINDINGS, "Penalty was booked once; the statement showed it twice.", Vars.MISCONDUCT_CONFIRMED, false));
        complete(pi, ComplaintProcess.TASK_HANDLE, "complaints1", vars(Vars.DECISION, "NOT_UPHELD", Vars.REMEDY, ""));
        execute(asyncJob(pi));
        execute(asyncJob(pi));
        execute(asyncJob(pi));
        assertThat(pi).isEnded().variables().containsEntry(Vars.FEEDBACK_CHANNEL, "sms");
        assertThat(contactAllowed(loanNo)).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM accountability_record a JOIN complaint c ON c.id = a.complaint_id WHERE c.complaint_no = :n")
            .param("n", complaintId).query(Integer.class).single()).isZero();
        record(pi);
    }

    @Test
    void theHoldStaysUntilTheBorrowersLastComplaintIsArchived() {
        String loanNo = "CPT-TWO";
        ComplaintTestData.loan(jdbc, loanNo);
        Complaint first = intake.submit(ComplaintTestData.online(loanNo, "First complaint about the calls"));
        Complaint second = intake.submit(ComplaintTestData.online(loanNo, "Second complaint about a visit"));
        complaints.register(first.complaintNo(), new Registration("other", loanNo, null, null, "c1"));
        complaints.decide(first.complaintNo(), new DecisionInput("none", false, "NOT_UPHELD",
            null, null, null, "c1"));
        complaints.sendFeedback(first.complaintNo());
        complaints.archive(first.complaintNo());
        assertThat(collectorEmailVerdict(loanNo).reasons()).containsExactly(ReasonCode.COMPLAINT_OPEN);
        runtime.deleteProcessInstance(instance(first).getId(), "test: archived directly");
        runtime.deleteProcessInstance(instance(second).getId(), "test");
        complaints.archive(second.complaintNo());
        assertThat(collectorEmailVerdict(loanNo).allowed()).isTrue();
    }

    @Test
    void anUnknownLoanIsNotLinkedAndNothingIsHeld() {
        Complaint c = intake.submit(ComplaintTestData.online("NO-SUCH-LOAN-1", "Somebody keeps calling me about a loan"));
        assertThat(c.statedLoanNo()).isEqualTo("NO-SUCH-LOAN-1");
        assertThat(c.linkedLoanNo()).isNull();
        assertThat(c.borrowerId()).isNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM borrower_flag WHERE reason LIKE :r").param("r", "%" + c.complaintNo() + "%")
            .query(Integer.class).single()).isZero();
        runtime.deleteProcessInstance(instance(c).getId(), "test");
    }

    @Test
    void wrongRegistrationsAndDecisionsAreRefusedWhenTheTaskIsCompleted() {
        Complaint c = intake.submit(ComplaintTestData.online(null, "An agent insulted me on the phone"));
        ProcessInstance pi = instance(c);
        assertThatThrownBy(() -> complete(pi, ComplaintProcess.TASK_REGISTER, "complaints1",
            vars(Vars.CATEGORY, "rudeness", Vars.LOAN_NO, "NOT-IN-BOOK")))
            .isInstanceOf(ProcessEngineException.class)
            .hasMessageContaining("category: must be one of")
            .hasMessageContaining("loanNo: no loan 'NOT-IN-BOOK' in the loan book");
        complete(pi, ComplaintProcess.TASK_REGISTER, "complaints1", vars(Vars.CATEGORY, "misconduct", Vars.LOAN_NO, ""));
        execute(asyncJob(pi));
        assertThat((String) runtime.getVariable(pi.getId(), Vars.CONTACT_LOG)).startsWith("No loan is linked");
        complete(pi, ComplaintProcess.TASK_INVESTIGATE, "complaints1",
            vars(Vars.FINDINGS, "Recording confirms insults", Vars.MISCONDUCT_CONFIRMED, true));
        assertThatThrownBy(() -> complete(pi, ComplaintProcess.TASK_HANDLE, "complaints1",
            vars(Vars.DECISION, "NOT_UPHELD", Vars.REMEDY, "")))
            .isInstanceOf(ProcessEngineException.class)
            .hasMessageContaining("decision: confirmed misconduct means the complaint is at least partly upheld")
            .hasMessageContaining("collectorId: confirmed misconduct needs the collector or the agency");
        assertThat(pi).isWaitingAt(ComplaintProcess.TASK_HANDLE);
        complete(pi, ComplaintProcess.TASK_HANDLE, "complaints1",
            vars(Vars.DECISION, "PARTLY_UPHELD", Vars.REMEDY, "Apology", Vars.AGENCY_ID, "agency-acme"));
        execute(asyncJob(pi));
        assertThat(accountability.forSubject("agency-acme")).extracting(r -> r.complaintNo()).contains(c.complaintNo());
        runtime.deleteProcessInstance(pi.getId(), "test");
    }

    private void record(ProcessInstance pi) {
        history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).list().stream()
            .map(HistoricActivityInstance::getActivityId).forEach(COVERED::add);
        if (allFlowNodes == null) {
            allFlowNodes = repository.getBpmnModelInstance(pi.getProcessDefinitionId()).getModelElementsByType(FlowNode.class)
                .stream().map(FlowNode::getId).collect(Collectors.toSet());
        }
    }

    @AfterAll
    static void atLeastNinetyPercentOfTheFlowNodesAreCovered() {
        Set<String> missing = new HashSet<>(allFlowNodes);
        missing.removeAll(COVERED);
        double coverage = 1.0 - (double) missing.size() / allFlowNodes.size();
        assertThat(coverage).as("flow-node coverage of complaint, missing %s", missing).isGreaterThanOrEqualTo(0.9);
    }
}
