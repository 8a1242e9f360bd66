package io.collectflow.ops.taskcount;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.collectflow.casework.stage.CaseProcessTestSupport;

/** On the application's engine, a collector's filter count comes from the cache until a filter is saved. */
class FilterCountCacheInstalledTest extends CaseProcessTestSupport {

    @Autowired
    FilterService filters;
    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;

    @Test
    void aCollectorsFilterCountIsCachedUntilAFilterIsSaved() {
        Filter filter = filters.newTaskFilter("fcc-" + System.nanoTime())
            .setQuery(taskService.createTaskQuery().taskCandidateGroup("fcc-group"));
        filters.saveFilter(filter);
        Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setResource(Resources.FILTER);
        read.setResourceId(filter.getId());
        read.setGroupId("fcc-group");
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
        candidateTask();
        long before = asCollector(() -> filters.count(filter.getId()));
        candidateTask();
        assertThat(asCollector(() -> filters.count(filter.getId()))).as("within the cache's 10 s").isEqualTo(before);
        assertThat(asCollector(() -> (long) filters.list(filter.getId()).size())).as("lists are current")
            .isEqualTo(before + 1);

        filters.saveFilter(filters.getFilter(filter.getId()).setName(filter.getName() + "-renamed"));
        assertThat(asCollector(() -> filters.count(filter.getId()))).isEqualTo(before + 1);
    }

    private long asCollector(java.util.function.LongSupplier query) {
        identity.setAuthentication("fcc-user", List.of("fcc-group"));
        try {
            return query.getAsLong();
        } finally {
            identity.clearAuthentication();
        }
    }

    private void candidateTask() {
        Task task = taskService.newTask();
        task.setName("fcc task");
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), "fcc-group");
    }
}
