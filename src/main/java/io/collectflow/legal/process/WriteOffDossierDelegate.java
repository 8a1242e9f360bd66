package io.collectflow.legal.process;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.legal.WriteOffGround;
import io.collectflow.legal.WriteOffService;

/** Opens the write-off request with its dossier and the approval level the decision table gave. */
@Component("writeOffDossierDelegate")
public class WriteOffDossierDelegate implements JavaDelegate {

    /** Camunda stores a string variable in a VARCHAR(4000) column. */
    static final int FORM_DOSSIER_CHARS = 4000;

    private final WriteOffService writeOffs;

    public WriteOffDossierDelegate(WriteOffService writeOffs) {
        this.writeOffs = writeOffs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object requester = execution.getVariable(WriteOffVars.REQUESTED_BY);
        List<WriteOffGround> grounds = Arrays.stream(((String) execution.getVariable(WriteOffVars.GROUNDS)).split(","))
            .map(WriteOffGround::valueOf).toList();
        long id = writeOffs.request((String) execution.getVariable(Vars.LOAN_NO),
            requester == null ? "system" : requester.toString(), grounds);
        writeOffs.setLevel(id, (String) execution.getVariable(WriteOffVars.APPROVER_GROUP),
            ((Number) execution.getVariable(WriteOffVars.APPROVALS_REQUIRED)).intValue());
        execution.setVariable(WriteOffVars.REQUEST_ID, id);
        execution.setVariable(WriteOffVars.DOSSIER, writeOffs.formDossier(id, FORM_DOSSIER_CHARS));
    }
}
