package io.collectflow.agency.process;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.collectflow.agency.Agency;
import io.collectflow.agency.AgencyAccess;
import io.collectflow.agency.AgencyMisconduct;
import io.collectflow.agency.AgencyNotEligibleException;
import io.collectflow.agency.AgencyProperties;
import io.collectflow.agency.AgencyRegistry;
import io.collectflow.agency.Placement;
import io.collectflow.agency.PlacementService;
import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.loan.LenderProperties;

/** Thin delegates of agency-placement.bpmn: variables in, one service call, variables out. */
@Configuration
public class AgencyPlacementDelegates {

    @Bean
    JavaDelegate agencyDrawDelegate() {
        // a draw given by the caller (simulation, tests) is kept
        return execution -> {
            if (execution.getVariable(AgencyVars.CHALLENGER_DRAW) == null) {
                execution.setVariable(AgencyVars.CHALLENGER_DRAW, ThreadLocalRandom.current().nextInt(100));
            }
        };
    }

    @Bean
    JavaDelegate agencyQualificationDelegate(AgencyRegistry registry, AgencyProperties properties,
            LenderProperties lender) {
        return execution -> {
            Optional<Agency> agency = registry.qualified((String) execution.getVariable(AgencyVars.PREFERRED_AGENCY),
                lender.dateAt(ClockUtil.getCurrentTime().toInstant()));
            execution.setVariable(AgencyVars.AGENCY_QUALIFIED, agency.isPresent());
            agency.ifPresent(a -> {
                execution.setVariable(AgencyVars.AGENCY_CODE, a.code());
                execution.setVariable(AgencyVars.AGENCY_NAME, a.name());
                execution.setVariable(AgencyVars.AGENCY_GROUP, a.groupId());
                execution.setVariable(AgencyVars.FEE_PERCENT,
                    properties.feeFor(((Number) execution.getVariable(Vars.DPD)).intValue()).doubleValue());
            });
        };
    }

    @Bean
    JavaDelegate placeWithAgencyDelegate(AgencyRegistry registry, PlacementService placements, AgencyAccess access,
            AgencyProperties properties) {
        return execution -> {
            Agency agency = registry.find((String) execution.getVariable(AgencyVars.AGENCY_CODE)).orElseThrow();
            Placement placement;
            try {
                placement = placements.place((String) execution.getVariable(Vars.LOAN_NO), agency,
                    (String) execution.getVariable(AgencyVars.SELECTION),
                    (String) execution.getVariable(AgencyVars.PLACEMENT_SCOPE), execution.getProcessInstanceId(),
                    ClockUtil.getCurrentTime().toInstant());
            } catch (AgencyNotEligibleException e) {
                execution.setVariable(AgencyVars.NOT_ELIGIBLE_REASON, e.getMessage());
                throw new BpmnError(AgencyVars.AGENCY_NOT_ELIGIBLE_ERROR, e.getMessage());
            }
            access.grant(agency.groupId(), placedInstances(execution));
            execution.setVariable(AgencyVars.PLACEMENT_ID, placement.id());
            execution.setVariable(AgencyVars.PLACEMENT_EXPIRES_AT, Date.from(placement.expiresAt()));
            execution.setVariable(AgencyVars.SUPERVISION_CYCLE, properties.getSupervisionCycle());
        };
    }

    @Bean
    JavaDelegate agencySupervisionSampleDelegate(PlacementService placements) {
        return execution -> execution.setVariable(AgencyVars.SUPERVISION_SAMPLE,
            String.join("\n", placements.supervisionSample(placements.find(placementId(execution)))));
    }

    @Bean
    JavaDelegate agencyMisconductDelegate(AgencyMisconduct misconduct) {
        return execution -> {
            misconduct.record((String) execution.getVariable(AgencyVars.AGENCY_CODE),
                (String) execution.getVariable(AgencyVars.MISCONDUCT_FINDING), (String) execution.getVariable(Vars.LOAN_NO));
            execution.setVariable(AgencyVars.PLACEMENT_END, "RECALLED");
        };
    }

    @Bean
    JavaDelegate recallPlacementDelegate(PlacementService placements, AgencyAccess access) {
        return execution -> {
            long id = placementId(execution);
            Placement placement = placements.find(id);
            String end = (String) execution.getVariable(AgencyVars.PLACEMENT_END);
            placements.end(id, end, (String) execution.getVariable(AgencyVars.MISCONDUCT_FINDING));
            access.revoke((String) execution.getVariable(AgencyVars.AGENCY_GROUP), placedInstances(execution));
            BigDecimal recovered = placements.recovered(id);
            execution.setVariable(AgencyVars.RECOVERED, recovered.doubleValue());
            execution.setVariable(AgencyVars.COMMISSION, placements.commission(id).doubleValue());
            execution.setVariable(AgencyVars.OUTCOME, recovered.signum() == 0 ? "RETURNED_UNPAID"
                : recovered.compareTo(placement.placedAmount()) >= 0 ? "RECOVERED" : "PARTIALLY_RECOVERED");
        };
    }

    /**
     * End listener of the whole process: a placement never outlives its process. When the case interrupts the
     * placement (cured, moved by the strategy, closed, borrower deceased), the placement is withdrawn and the
     * agency's grants on the case are deleted; on the process's own ends the recall has done both already.
     */
    @Bean
    ExecutionListener placementProcessEndListener(PlacementService placements, AgencyAccess access) {
        return execution -> placements.activeForProcess(execution.getProcessInstanceId()).ifPresent(placement -> {
            placements.end(placement.id(), AgencyVars.WITHDRAWN, "the case left the agency stage");
            access.revoke((String) execution.getVariable(AgencyVars.AGENCY_GROUP), placedInstances(execution));
        });
    }

    /** The placement instance and, when called from a case, the case instance above it. */
    private static List<String> placedInstances(DelegateExecution execution) {
        List<String> ids = new ArrayList<>();
        ids.add(execution.getProcessInstanceId());
        DelegateExecution superExecution = execution.getProcessInstance().getSuperExecution();
        if (superExecution != null) {
            ids.add(superExecution.getProcessInstanceId());
        }
        return ids;
    }

    private static long placementId(DelegateExecution execution) {
        return ((Number) execution.getVariable(AgencyVars.PLACEMENT_ID)).longValue();
    }

}
