package io.collectflow.casework;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Earlier versions of the collection case copied the borrower's phone, e-mail and address into process
 * variables ({@code phone}, {@code email}, {@code address}). Process variables never hold raw PII (F6): at
 * every start-up this removes them from running {@code collection-case} instances and deletes them, with
 * their historic updates, from the history. Idempotent (a second run finds nothing) and safe when several
 * nodes start at once (a variable another node removed first is skipped).
 */
@Component
public class RawPiiVariableCleanup {

    /** Names the old case versions used for raw contact data. */
    public static final List<String> RAW_PII_VARIABLES = List.of("phone", "email", "address");

    private static final Logger LOG = LoggerFactory.getLogger(RawPiiVariableCleanup.class);
    private static final int PAGE = 500;

    private final RuntimeService runtime;
    private final HistoryService history;
    private final RepositoryService repository;
    private final TaskService tasks;

    public RawPiiVariableCleanup(RuntimeService runtime, HistoryService history, RepositoryService repository,
                                 TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.history = history;
        this.repository = repository;
    }

    /** What one run removed. */
    public record Result(int runtimeVariables, int historicVariables) {
    }

    @EventListener(ApplicationReadyEvent.class)
    public void atStartup() {
        try {
            Result result = run();
            if (result.runtimeVariables() + result.historicVariables() > 0) {
                LOG.info("removed raw contact data from collection cases: {} running and {} historic variables",
                    result.runtimeVariables(), result.historicVariables());
            }
        } catch (RuntimeException e) {
            // the next start-up tries again; the application itself does not depend on it
            LOG.error("clean-up of raw contact data in process variables failed", e);
        }
    }

    public Result run() {
        return new Result(removeRunning(), deleteHistoric());
    }

    private int removeRunning() {
        Map<String, Boolean> isCase = new HashMap<>();
        int removed = 0;
        int skipped = 0;
        while (true) {
            List<VariableInstance> page = runtime.createVariableInstanceQuery()
                .variableNameIn(RAW_PII_VARIABLES.toArray(String[]::new)).orderByVariableName().asc()
                .listPage(skipped, PAGE);
            if (page.isEmpty()) {
                return removed;
            }
            for (VariableInstance variable : page) {
                if (!isCase.computeIfAbsent(variable.getProcessDefinitionId(), this::isCollectionCase)) {
                    skipped++;
                } else if (remove(variable)) {
                    removed++;
                }
            }
        }
    }

    private boolean remove(VariableInstance variable) {
        try {
            if (variable.getTaskId() != null) {
                // a task-local copy (a form submitted with the old fields)
                tasks.removeVariableLocal(variable.getTaskId(), variable.getName());
            } else {
                runtime.removeVariableLocal(variable.getExecutionId(), variable.getName());
            }
            return true;
        } catch (ProcessEngineException e) {
            // removed meanwhile (another node, or the instance ended)
            LOG.debug("variable {} of execution {} already gone: {}", variable.getName(), variable.getExecutionId(),
                e.getMessage());
            return false;
        }
    }

    private int deleteHistoric() {
        int deleted = 0;
        while (true) {
            List<HistoricVariableInstance> page = history.createHistoricVariableInstanceQuery()
                .processDefinitionKey(CollectionCase.PROCESS_KEY)
                .variableNameIn(RAW_PII_VARIABLES.toArray(String[]::new)).includeDeleted().disableBinaryFetching()
                .disableCustomObjectDeserialization().listPage(0, PAGE);
            if (page.isEmpty()) {
                return deleted;
            }
            int before = deleted;
            for (HistoricVariableInstance variable : page) {
                try {
                    // also deletes the variable's historic updates (history level full)
                    history.deleteHistoricVariableInstance(variable.getId());
                    deleted++;
                } catch (ProcessEngineException e) {
                    LOG.debug("historic variable {} already gone: {}", variable.getId(), e.getMessage());
                }
            }
            if (deleted == before) {
                // nothing could be deleted: another node is at it; stop rather than loop
                return deleted;
            }
        }
    }

    private boolean isCollectionCase(String processDefinitionId) {
        return processDefinitionId != null && CollectionCase.PROCESS_KEY
            .equals(repository.getProcessDefinition(processDefinitionId).getKey());
    }
}
