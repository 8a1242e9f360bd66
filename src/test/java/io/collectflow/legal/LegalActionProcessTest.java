package io.collectflow.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.casework.stage.CaseProcessTestSupport;
import io.collectflow.casework.stage.TaskForms;
import io.collectflow.legal.process.LegalActionDelegates;
import io.collectflow.security.pii.BorrowerPii;

/** legal-action.bpmn: lawyer letter (real PDF), litigation with and without collateral, no action. */
class LegalActionProcessTest extends CaseProcessTestSupport {

    @Autowired LawyerLetterService letters;
    @Autowired BorrowerPii pii;
    @Autowired LitigationPreparationService preparations;

    private ProcessInstance start(String loanNo) {
        ProcessInstance pi = runtimeService.startProcessInstanceByKey("legal-action", loanNo,
            Map.of(Vars.LOAN_NO, loanNo, Vars.DPD, 400, Vars.OVERDUE_AMOUNT, 3000.0));
        runJobs();
        return pi;
    }

    private void principal(String loanNo, String perInstallment) {
        jdbc.update("UPDATE installment SET principal_due = ? WHERE loan_no = ?", new java.math.BigDecimal(perInstallment),
            loanNo);
    }

    @Test
    void smallClaimGetsALawyerLetterWithTheCaseBundleAsPdf() throws Exception {
        String loanNo = fixtures.loan(400, today());
        fixtures.pay(loanNo, today().minusDays(100), new java.math.BigDecimal("250.00"));
        jdbc.update("UPDATE borrower SET address = ? WHERE borrower_id = ?",
            pii.seal(BorrowerPii.ADDRESS, "1 Nanjing Road, Shanghai"), "B-" + loanNo);
        jdbc.update("""
            INSERT INTO contact_log (occurred_at, loan_no, borrower_id, channel, result, operator_id, operator_type,
                recorded_at) VALUES (CURRENT_TIMESTAMP, ?, ?, 'call', 'NO_ANSWER', 'collector2', 'COLLECTOR',
                CURRENT_TIMESTAMP)""", loanNo, "B-" + loanNo);
        ProcessInstance pi = start(loanNo);

        assertThat(pi).hasPassed("Task_DecideLegalAction", "Task_GenerateLawyerLetter").isWaitingAt("Task_SendLawyerLetter")
            .task().hasCandidateGroup("legal");
        assertThat(variable(pi, Vars.LEGAL_ACTION)).isEqualTo("LAWYER_LETTER");
        long letterId = ((Number) variable(pi, LegalActionDelegates.LAWYER_LETTER_ID)).longValue();
        byte[] pdf = letters.pdf(letterId).orElseThrow();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
        }
        reader.close();
        assertThat(text.toString()).contains("Formal demand for payment", "Li Wei", "1 Nanjing Road, Shanghai", "loan " + loanNo, "12612.50",
            "Installment schedule", "#12 due", "Payments received", "250.00 via bank-transfer", "Contact history",
            "call NO_ANSWER by collector collector2", lendersToday().plusDays(14).toString());

        Task send = singleTask(pi, "Task_SendLawyerLetter");
        taskService.setAssignee(send.getId(), "legal1");
        complete(send, Map.of("letterTracking", "EMS123"));
        assertThat(pi).hasPassed("EndEvent_LetterSent").isEnded();
        assertThat(jdbc.queryForList("SELECT actor, details FROM audit_event WHERE action = 'LAWYER_LETTER_SENT' AND "
            + "subject_id = ?", loanNo)).singleElement()
            .satisfies(row -> assertThat(row).containsEntry("actor", "legal1").containsEntry("details",
                "lawyer letter " + letterId + " sent by registered mail, tracking EMS123"));
    }

    /**
     * D3/F5: generating the letter (a job of the legal action, no user) is in the audit trail like its sending and
     * its reads: under "system", on the loan, with the letter's id, amount and pay-by date, before anyone sends it.
     */
    @Test
    void generatingALawyerLetterIsAudited() {
        String loanNo = fixtures.loan(400, today());
        ProcessInstance pi = start(loanNo);
        assertThat(pi).isWaitingAt("Task_SendLawyerLetter");
        long letterId = ((Number) variable(pi, LegalActionDelegates.LAWYER_LETTER_ID)).longValue();
        BigDecimal amount = jdbc.queryForObject("SELECT amount FROM lawyer_letter WHERE id = ?", BigDecimal.class,
            letterId);

        assertThat(jdbc.queryForList("SELECT actor, subject_type, details FROM audit_event "
            + "WHERE action = 'LAWYER_LETTER_GENERATED' AND subject_id = ?", loanNo)).singleElement()
            .satisfies(row -> assertThat(row).containsEntry("actor", "system").containsEntry("subject_type", "loan")
                .containsEntry("details", "lawyer letter " + letterId + " generated: demand for "
                    + amount.setScale(2).toPlainString() + ", pay by " + lendersToday().plusDays(14)));
        assertThat(fixtures.count("SELECT COUNT(*) FROM audit_event WHERE action = 'LAWYER_LETTER_SENT' "
            + "AND subject_id = ?", loanNo)).as("not sent yet").isZero();
    }

    /**
     * A lawyer letter is the lender's act, dated on the lender's calendar (Asia/Shanghai): generated at 17:00 UTC on
     * Thursday (the server's date) it is Friday's letter, payable 14 days after Friday.
     */
    @Test
    void aLawyerLetterIsDatedOnTheLendersCalendar() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-05T17:00:00Z")));
        String loanNo = fixtures.loan(400, today());
        ProcessInstance pi = start(loanNo);

        long letterId = ((Number) variable(pi, LegalActionDelegates.LAWYER_LETTER_ID)).longValue();
        assertThat(jdbc.queryForObject("SELECT pay_by FROM lawyer_letter WHERE id = ?", LocalDate.class, letterId))
            .isEqualTo(LocalDate.of(2026, 3, 20));
    }

    @Test
    void largeSecuredClaimIsLitigatedAndTheCollateralDisposed() {
        String loanNo = fixtures.loan(400, today());
        principal(loanNo, "5000.00");
        jdbc.update("INSERT INTO collateral (loan_no, kind, description, estimated_value) "
            + "VALUES (?, 'VEHICLE', 'BYD Qin 2022', 40000)", loanNo);
        ProcessInstance pi = start(loanNo);
        assertThat(variable(pi, Vars.LEGAL_ACTION)).isEqualTo("LITIGATION");
        assertThat(variable(pi, LegalActionDelegates.HAS_COLLATERAL)).isEqualTo(true);

        litigate(pi, (step, task) -> { });
        complete(singleTask(pi, "Task_DisposeCollateral"), Map.of("disposalMethod", "AUCTION", "disposalProceeds", 38000));
        assertThat(jdbc.queryForObject("SELECT status FROM collateral WHERE loan_no = ?", String.class, loanNo))
            .isEqualTo("DISPOSED");
        assertThat(disposal(loanNo)).containsExactly("AUCTION", new BigDecimal("38000.00"), lendersToday());
        assertThat(fixtures.count("SELECT COUNT(*) FROM payment WHERE loan_no = ?", loanNo))
            .as("proceeds are not posted as a payment: the bank's payment file brings them").isZero();
        complete(singleTask(pi, "Task_EnforceJudgment"), Map.of(Vars.LEGAL_OUTCOME, "PARTIALLY_RECOVERED"));
        assertThat(pi).hasPassed("Task_RecordCollateralDisposal", "EndEvent_LitigationConcluded").isEnded();
    }

    @Test
    void aDisposalWithoutMethodOrWithNegativeProceedsIsRefusedNamingTheField() {
        String loanNo = fixtures.loan(400, today());
        principal(loanNo, "5000.00");
        jdbc.update("INSERT INTO collateral (loan_no, kind, description, estimated_value) "
            + "VALUES (?, 'DEPOSIT', 'Term deposit', 100), (?, 'OTHER', 'Watch', 50)", loanNo, loanNo);
        ProcessInstance pi = start(loanNo);
        litigate(pi, (step, task) -> { });

        assertThatThrownBy(() -> complete(singleTask(pi, "Task_DisposeCollateral"),
            Map.of("disposalMethod", "SALE", "disposalProceeds", -0.01))).hasMessageContaining("disposalProceeds")
            .hasMessageContaining("0 or more");
        assertThatThrownBy(() -> complete(singleTask(pi, "Task_DisposeCollateral"),
            Map.of("disposalMethod", "SALE"))).hasMessageContaining("disposalProceeds");
        assertThatThrownBy(() -> complete(singleTask(pi, "Task_DisposeCollateral"),
            Map.of("disposalMethod", "BARTER", "disposalProceeds", 10))).hasMessageContaining("disposalMethod");
        assertThat(pi).isWaitingAt("Task_DisposeCollateral");
        assertThat(jdbc.queryForList("SELECT status FROM collateral WHERE loan_no = ?", String.class, loanNo))
            .containsOnly("HELD");

        complete(singleTask(pi, "Task_DisposeCollateral"), Map.of("disposalMethod", "SALE", "disposalProceeds", 0));
        assertThat(pi).hasPassed("Task_RecordCollateralDisposal").isWaitingAt("Task_EnforceJudgment");
        assertThat(jdbc.queryForList("SELECT status FROM collateral WHERE loan_no = ?", String.class, loanNo))
            .containsOnly("DISPOSED");
        assertThat(disposal(loanNo)).as("items disposed of together share one disposal")
            .containsExactly("SALE", new BigDecimal("0.00"), lendersToday());
    }

    /**
     * Each litigation step opens with its own fields empty (Attend hearing used to open showing the filing date, as
     * every step wrote one shared date) and shows the earlier steps read-only; what every step recorded stays on the
     * legal action: the filing, hearing and judgment dates side by side.
     */
    @Test
    void eachLitigationStepOpensEmptyAndWhatEveryStepRecordedStays() {
        String loanNo = fixtures.loan(400, today());
        principal(loanNo, "5000.00");
        ProcessInstance pi = start(loanNo);

        Map<String, Object> recorded = litigate(pi, (step, task) -> {
            assertThat(TaskForms.prefilled(engine.getFormService(), taskService, task.getId()))
                .as("%s opens with", step).isEmpty();
        });

        assertThat(recorded.values().stream().filter(v -> v instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2}")))
            .as("a date of its own for each step").hasSize(3);
        recorded.forEach((key, value) -> assertThat(variable(pi, key)).as(key).isEqualTo(value));
        Task enforcement = singleTask(pi, "Task_EnforceJudgment");
        assertThat(TaskForms.readOnlyFields(engine.getFormService(), enforcement.getId()))
            .containsKeys(LegalActionDelegates.COURT_CASE_NO, LegalActionDelegates.JUDGMENT_DATE);
    }

    /**
     * C5/D3: the litigation file prepared for the loan (Prepare litigation after a skip trace found nobody) reaches the
     * legal action: File lawsuit shows its claim, court, service by publication, notes, who prepared it and when,
     * read-only; a loan without one shows none.
     */
    @Test
    void theLitigationFilePreparedForTheLoanIsShownWhenTheLawsuitIsFiled() {
        String loanNo = fixtures.loan(400, today());
        principal(loanNo, "5000.00");
        preparations.record(loanNo, "earlier-trace", LitigationPreparation.of("60000", true, "Old court", false, null),
            "legal2", ClockUtil.getCurrentTime().toInstant().minusSeconds(86400));
        preparations.record(loanNo, "trace", LitigationPreparation.of("61234.5", true,
            "Shanghai Huangpu District People's Court", true, "service by publication requested"), "legal1",
            ClockUtil.getCurrentTime().toInstant());
        ProcessInstance pi = start(loanNo);

        Task filing = singleTask(pi, "Task_FileLawsuit");
        assertThat(TaskForms.readOnlyFields(engine.getFormService(), filing.getId())).containsKeys(
            "litigationClaimAmount", "litigationCourt", "serviceByPublication", "litigationPreparationNotes",
            "litigationPreparedBy", "litigationPreparedOn");
        assertThat(TaskForms.prefilled(engine.getFormService(), taskService, filing.getId())).as("its own fields")
            .isEmpty();
        assertThat(variable(pi, "litigationCourt")).isEqualTo("Shanghai Huangpu District People's Court");
        assertThat(variable(pi, "litigationClaimAmount")).isEqualTo(61234.5);
        assertThat(variable(pi, "serviceByPublication")).isEqualTo(true);
        assertThat(variable(pi, "litigationPreparationNotes")).isEqualTo("service by publication requested");
        assertThat(variable(pi, "litigationPreparedBy")).isEqualTo("legal1");
        assertThat(variable(pi, "litigationPreparedOn")).isEqualTo(lendersToday().toString());

        String unprepared = fixtures.loan(400, today());
        principal(unprepared, "5000.00");
        ProcessInstance plain = start(unprepared);
        assertThat(plain).isWaitingAt("Task_FileLawsuit");
        assertThat(variable(plain, "litigationCourt")).isNull();
    }

    /**
     * D3/F5 for the legal acts: the disposal is written to the audit trail under the user who reported it, and
     * recorded with their name ({@code collateral_disposal.recorded_by}).
     */
    @Test
    void aCollateralDisposalIsAuditedUnderTheUserWhoReportedIt() {
        String loanNo = fixtures.loan(400, today());
        principal(loanNo, "5000.00");
        jdbc.update("INSERT INTO collateral (loan_no, kind, description, estimated_value) "
            + "VALUES (?, 'VEHICLE', 'BYD Qin 2022', 40000), (?, 'DEPOSIT', 'Term deposit', 2000)", loanNo, loanNo);
        ProcessInstance pi = start(loanNo);
        litigate(pi, (step, task) -> { });

        // claimed in Tasklist by legal1, who reports the sale (the recording runs later, in a job of its own)
        Task disposal = singleTask(pi, "Task_DisposeCollateral");
        taskService.setAssignee(disposal.getId(), "legal1");
        assertThatThrownBy(() -> taskService.complete(disposal.getId(), Map.of("disposalMethod", "BARTER",
            "disposalProceeds", 1))).hasMessageContaining("disposalMethod");
        complete(disposal, Map.of("disposalMethod", "SALE", "disposalProceeds", 41500.5));

        List<Map<String, Object>> audited = jdbc.queryForList("SELECT actor, subject_type, details FROM audit_event "
            + "WHERE action = 'COLLATERAL_DISPOSED' AND subject_id = ?", loanNo);
        assertThat(audited).hasSize(1);
        assertThat(audited.get(0)).containsEntry("actor", "legal1").containsEntry("subject_type", "loan");
        assertThat((String) audited.get(0).get("details")).contains("SALE", "41500.50", lendersToday().toString(),
            "2 items");
        assertThat(jdbc.queryForList("SELECT recorded_by FROM collateral_disposal WHERE loan_no = ?", String.class,
            loanNo)).as("the disposal itself names who recorded it, as its audit event does").containsExactly("legal1");
    }

    /**
     * Works File lawsuit, Attend hearing and Record judgment as the legal team does on their forms: every field the
     * form lets them fill gets a value of its own (dates 30, 20 and 10 days ago); returns what was entered.
     */
    private Map<String, Object> litigate(ProcessInstance pi, java.util.function.BiConsumer<String, Task> onOpen) {
        Map<String, Object> recorded = new java.util.LinkedHashMap<>();
        String[] steps = {"Task_FileLawsuit", "Task_AttendHearing", "Task_RecordJudgment"};
        for (int i = 0; i < steps.length; i++) {
            Task task = singleTask(pi, steps[i]);
            onOpen.accept(steps[i], task);
            Map<String, Object> entered = new java.util.LinkedHashMap<>();
            int n = i;
            TaskForms.editableFields(engine.getFormService(), task.getId()).forEach((key, type) -> entered.put(key,
                "datetime".equals(type) ? today().minusDays(30 - 10L * n).toString() : steps[n] + ": " + key));
            complete(task, entered);
            recorded.putAll(entered);
        }
        return recorded;
    }

    /** Method, proceeds and date of the loan's (single) disposal, as recorded with its collateral. */
    private List<Object> disposal(String loanNo) {
        return jdbc.queryForObject("SELECT DISTINCT d.method, d.proceeds, d.disposed_on FROM collateral c "
            + "JOIN collateral_disposal d ON d.id = c.disposal_id WHERE c.loan_no = ?",
            (rs, n) -> List.<Object>of(rs.getString(1), rs.getBigDecimal(2), rs.getDate(3).toLocalDate()), loanNo);
    }

    @Test
    void largeUnsecuredClaimIsLitigatedWithoutDisposal() {
        String loanNo = fixtures.loan(400, today());
        principal(loanNo, "5000.00");
        ProcessInstance pi = start(loanNo);
        litigate(pi, (step, task) -> { });
        assertThat(pi).hasPassed("Gateway_EnforcementJoin").hasNotPassed("Task_DisposeCollateral").isWaitingAt("Task_EnforceJudgment");
        complete(singleTask(pi, "Task_EnforceJudgment"), Map.of(Vars.LEGAL_OUTCOME, "UNRECOVERABLE"));
        assertThat(pi).isEnded();
    }

    @Test
    void claimNotWorthTheCostGetsNoAction() {
        String loanNo = fixtures.loan(400, today());
        principal(loanNo, "100.00");
        ProcessInstance pi = start(loanNo);
        assertThat(pi).hasPassed("EndEvent_NoLegalAction").isEnded();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
            .variableName(Vars.LEGAL_OUTCOME).singleResult().getValue()).isEqualTo("NOT_VIABLE");
    }
}
