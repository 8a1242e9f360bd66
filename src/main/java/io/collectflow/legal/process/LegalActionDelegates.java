package io.collectflow.legal.process;

import java.time.LocalDate;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.loan.LenderProperties;
import io.collectflow.legal.LawyerLetterService;
import io.collectflow.legal.LegalAssessment;
import io.collectflow.legal.LitigationPreparation;
import io.collectflow.legal.LitigationPreparationService;
import io.collectflow.legal.collateral.CollateralDisposal;
import io.collectflow.legal.collateral.CollateralService;
import io.collectflow.security.authz.CompletingUser;

/** Thin delegates of legal-action.bpmn. */
@Configuration
public class LegalActionDelegates {

    public static final String CLAIM = "legalClaimAmount";
    public static final String EXPECTED_RECOVERY = "expectedRecovery";
    public static final String ESTIMATED_COST = "estimatedLegalCost";
    public static final String HAS_COLLATERAL = "hasCollateral";
    public static final String COLLATERAL_VALUE = "collateralValue";
    public static final String LAWYER_LETTER_ID = "lawyerLetterId";
    /** Form of Task_SendLawyerLetter: the registered mail's tracking number. */
    public static final String LETTER_TRACKING = "letterTracking";
    /** Form of Task_DisposeCollateral: AUCTION or SALE, and the total proceeds (0 or more). */
    public static final String DISPOSAL_METHOD = CollateralDisposal.METHOD_FIELD;
    public static final String DISPOSAL_PROCEEDS = CollateralDisposal.PROCEEDS_FIELD;
    /** Who completed Task_DisposeCollateral: the disposal is audited under them when it is recorded (in a job). */
    public static final String DISPOSAL_REPORTED_BY = "disposalReportedBy";
    /** Litigation steps (forms file-lawsuit, attend-hearing, record-judgment): each its own date and notes. */
    public static final String COURT_CASE_NO = "courtCaseNo";
    public static final String LAWSUIT_FILED_ON = "lawsuitFiledOn";
    public static final String LAWSUIT_NOTES = "lawsuitNotes";
    public static final String HEARING_DATE = "hearingDate";
    public static final String HEARING_NOTES = "hearingNotes";
    public static final String JUDGMENT_DATE = "judgmentDate";
    public static final String JUDGMENT_NOTES = "judgmentNotes";
    /**
     * The loan's latest litigation file, shown read-only on File lawsuit: its fields keep the names of the
     * prepare-litigation form ({@link LitigationPreparation}'s {@code *_FIELD}), plus who prepared it and on which day.
     */
    public static final String LITIGATION_PREPARED_BY = "litigationPreparedBy";
    public static final String LITIGATION_PREPARED_ON = "litigationPreparedOn";

    /**
     * Estimates the case for the litigation decision and brings the loan's latest litigation file (Prepare litigation,
     * {@link LitigationPreparationService}) onto the legal action, for File lawsuit to show.
     */
    @Bean
    JavaDelegate legalEstimateDelegate(LegalAssessment assessment, LitigationPreparationService preparations,
            LenderProperties lender) {
        return execution -> {
            String loanNo = (String) execution.getVariable(Vars.LOAN_NO);
            LegalAssessment.Estimate estimate = assessment.estimate(loanNo);
            execution.setVariable(CLAIM, estimate.claim().doubleValue());
            execution.setVariable(EXPECTED_RECOVERY, estimate.expectedRecovery().doubleValue());
            execution.setVariable(ESTIMATED_COST, estimate.estimatedCost().doubleValue());
            execution.setVariable(COLLATERAL_VALUE, estimate.collateralValue().doubleValue());
            execution.setVariable(HAS_COLLATERAL, estimate.collateralValue().signum() > 0);
            preparations.latest(loanNo).ifPresent(prepared -> {
                LitigationPreparation file = prepared.preparation();
                execution.setVariable(LitigationPreparation.CLAIM_FIELD, file.claimAmount().doubleValue());
                execution.setVariable(LitigationPreparation.COURT_FIELD, file.court());
                execution.setVariable(LitigationPreparation.PUBLICATION_FIELD, file.serviceByPublication());
                execution.setVariable(LitigationPreparation.NOTES_FIELD, file.notes());
                execution.setVariable(LITIGATION_PREPARED_BY, prepared.preparedBy());
                execution.setVariable(LITIGATION_PREPARED_ON,
                    lender.dateAt(prepared.preparedAt()).toString());
            });
        };
    }

    @Bean
    JavaDelegate lawyerLetterDelegate(LawyerLetterService letters, LenderProperties lender) {
        return execution -> execution.setVariable(LAWYER_LETTER_ID, letters.issue(
            (String) execution.getVariable(Vars.LOAN_NO), today(lender)));
    }

    /** Completing Task_SendLawyerLetter: the sending is audited under who completed it, with the tracking number. */
    @Bean
    TaskListener lawyerLetterSentListener(LawyerLetterService letters, IdentityService identities) {
        return task -> letters.recordSent(((Number) task.getVariable(LAWYER_LETTER_ID)).longValue(),
            (String) task.getVariable(Vars.LOAN_NO), String.valueOf(task.getVariable(LETTER_TRACKING)),
            CompletingUser.of(identities, task));
    }

    /**
     * Completing Task_DisposeCollateral without a method or with proceeds below 0 is refused; the task stays open.
     * A valid report notes who made it ({@link #DISPOSAL_REPORTED_BY}).
     */
    @Bean
    TaskListener collateralDisposalValidator(IdentityService identities) {
        return task -> {
            disposal(task);
            task.setVariable(DISPOSAL_REPORTED_BY, CompletingUser.of(identities, task));
        };
    }

    @Bean
    JavaDelegate collateralDisposalDelegate(CollateralService collateral, LenderProperties lender) {
        return execution -> collateral.recordDisposal((String) execution.getVariable(Vars.LOAN_NO), disposal(execution),
            today(lender), (String) execution.getVariable(DISPOSAL_REPORTED_BY));
    }

    private static CollateralDisposal disposal(VariableScope form) {
        return CollateralDisposal.of(form.getVariable(DISPOSAL_METHOD), form.getVariable(DISPOSAL_PROCEEDS));
    }

    /** The lender's date at the engine's now: a lawyer letter's and a disposal's date are the lender's business dates. */
    private static LocalDate today(LenderProperties lender) {
        return lender.dateAt(ClockUtil.getCurrentTime().toInstant());
    }
}
