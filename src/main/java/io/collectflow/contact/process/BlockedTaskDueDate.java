package io.collectflow.contact.process;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.collectflow.security.authz.AsSystem;

/**
 * A call or visit task is not due before the guard allows that contact (F7): when a task is claimed or assigned while
 * contact is blocked until a known moment, or its completion is refused for that reason, its due date moves to that
 * moment (the verdict's {@code nextAllowedAt}) unless it is due later anyway. A Tasklist queue sorted by due date then
 * puts first what can be worked now, and a refused task comes up again when it can be worked; its priority stays.
 * A task without a due date keeps none, and a block only a person lifts (a flag) has no such moment.
 */
@Component
public class BlockedTaskDueDate {

    private final TaskService tasks;
    private final IdentityService identity;
    private final TransactionTemplate ownTransaction;

    public BlockedTaskDueDate(TaskService tasks, IdentityService identity, PlatformTransactionManager transactions) {
        this.tasks = tasks;
        this.identity = identity;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** In the running transaction, e.g. a task listener on claim or assignment. */
    public void notBefore(DelegateTask task, OffsetDateTime nextAllowedAt) {
        Date moved = moved(task.getDueDate(), nextAllowedAt);
        if (moved != null) {
            task.setDueDate(moved);
        }
    }

    /**
     * For a completion about to be refused: the refusal rolls the engine's transaction back, and with it anything set
     * on the task, so the move runs once the rollback is done, in a transaction of its own (and as the system: a
     * collector may work a task without the right to change it).
     */
    public void notBeforeAfterRollback(DelegateTask task, OffsetDateTime nextAllowedAt) {
        if (moved(task.getDueDate(), nextAllowedAt) == null) {
            // due at that moment or later already (or no due date, or no moment): no transaction needed afterwards
            return;
        }
        String taskId = task.getId();
        Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.ROLLED_BACK,
            rolledBack -> ownTransaction.executeWithoutResult(tx -> AsSystem.call(identity, () -> move(taskId, nextAllowedAt))));
    }

    private boolean move(String taskId, OffsetDateTime nextAllowedAt) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        Date moved = task == null ? null : moved(task.getDueDate(), nextAllowedAt);
        if (moved == null) {
            return false;
        }
        task.setDueDate(moved);
        tasks.saveTask(task);
        return true;
    }

    /** The new due date, or null when there is nothing to move (no due date, no moment, or due at it or later). */
    static Date moved(Date due, OffsetDateTime nextAllowedAt) {
        if (due == null || nextAllowedAt == null) {
            return null;
        }
        Instant next = nextAllowedAt.toInstant();
        return due.toInstant().isBefore(next) ? Date.from(next) : null;
    }
}
