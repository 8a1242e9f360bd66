package io.collectflow.complaint.process;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

import io.collectflow.complaint.Complaint;
import io.collectflow.complaint.DecisionInput;
import io.collectflow.complaint.Registration;
import io.collectflow.complaint.process.ComplaintProcess.Vars;

/** Typed reading and writing of the complaint process variables (the only place that knows their types). */
final class ComplaintVariables {

    private ComplaintVariables() {
    }

    /** The variables a new complaint instance carries (forms show them). */
    static Map<String, Object> of(Complaint c) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.COMPLAINT_ID, c.complaintNo());
        vars.put(Vars.CHANNEL, c.channel().code());
        vars.put(Vars.COMPLAINANT_NAME, c.complainantName());
        vars.put(Vars.COMPLAINT_TEXT, c.text());
        vars.put(Vars.LOAN_NO, c.statedLoanNo());
        vars.put(Vars.CATEGORY, c.category() == null ? null : c.category().code());
        vars.put(Vars.COLLECTOR_ID, c.collectorId());
        vars.put(Vars.AGENCY_ID, c.agencyId());
        vars.put(Vars.ACKNOWLEDGE_BY, Date.from(c.acknowledgeBy()));
        vars.put(Vars.RESOLVE_BY, Date.from(c.resolveBy()));
        return vars;
    }

    static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    static String complaintId(VariableScope scope) {
        return string(scope, Vars.COMPLAINT_ID);
    }

    static Registration registration(VariableScope scope) {
        return new Registration(string(scope, Vars.CATEGORY), string(scope, Vars.LOAN_NO), string(scope, Vars.COLLECTOR_ID),
            string(scope, Vars.AGENCY_ID), string(scope, Vars.LAST_ACTOR));
    }

    static DecisionInput decision(VariableScope scope) {
        return new DecisionInput(string(scope, Vars.FINDINGS), Boolean.TRUE.equals(scope.getVariable(Vars.MISCONDUCT_CONFIRMED)),
            string(scope, Vars.DECISION), string(scope, Vars.REMEDY), string(scope, Vars.COLLECTOR_ID),
            string(scope, Vars.AGENCY_ID), string(scope, Vars.LAST_ACTOR));
    }
}
