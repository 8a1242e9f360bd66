package io.collectflow.casework.stage;

import static io.collectflow.casework.CollectionCase.Vars.ADDRESS_MASKED;
import static io.collectflow.casework.CollectionCase.Vars.CONTACT_DATA_ISSUES;
import static io.collectflow.casework.CollectionCase.Vars.CONTACT_DATA_VALID;
import static io.collectflow.casework.CollectionCase.Vars.EMAIL_MASKED;
import static io.collectflow.casework.CollectionCase.Vars.PHONE_MASKED;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import io.collectflow.casework.CaseRegistry;
import io.collectflow.security.pii.PiiMasking;

/**
 * What a case shows of its borrower's contact data (masked, F6) and whether it is complete: set when the case is
 * prepared (B1) and again on every running case of the borrower when the data changes, so the call and visit
 * forms never show a number that is no longer the borrower's.
 */
@Component
public class CaseContactData {

    private final RuntimeService runtime;
    private final CaseRegistry registry;
    private final CaseDossierService dossiers;

    public CaseContactData(RuntimeService runtime, CaseRegistry registry, CaseDossierService dossiers) {
        this.runtime = runtime;
        this.registry = registry;
        this.dossiers = dossiers;
    }

    /** The case variables for the data as checked: masked values, validity and the problems found. */
    static Map<String, Object> variables(CaseDossierService.ContactData data) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put(PHONE_MASKED, PiiMasking.phone(data.phone()));
        vars.put(EMAIL_MASKED, PiiMasking.email(data.email()));
        vars.put(ADDRESS_MASKED, PiiMasking.address(data.address()));
        vars.put(CONTACT_DATA_VALID, data.valid());
        vars.put(CONTACT_DATA_ISSUES, data.issues());
        return vars;
    }

    /**
     * Checks the borrower's contact data again for each of the borrower's running cases (a problem is a case
     * event, as at preparation) and updates what the cases show. Returns how many cases were updated.
     */
    public int borrowerChanged(String borrowerId, Instant now) {
        Map<String, String> cases = registry.activeCasesOfBorrower(borrowerId);
        cases.forEach((loanNo, processInstanceId) ->
            runtime.setVariables(processInstanceId, variables(dossiers.verifyContactData(loanNo, now))));
        return cases.size();
    }
}
