package io.collectflow.security.authz;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Opens one case to one group, for the agency placement: the group may read the process instance and
 * becomes a candidate group of its open tasks (the engine then grants the task permissions itself). Tasks
 * created later must name the group as candidate (the placement stage does).
 */
@Service
public class CaseAccess {

    private final AuthorizationService authorizations;
    private final TaskService tasks;

    public CaseAccess(AuthorizationService authorizations, TaskService tasks) {
        this.authorizations = authorizations;
        this.tasks = tasks;
    }

    public void grantCaseToGroup(String processInstanceId, String groupId) {
        if (authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(processInstanceId).count() == 0) {
            Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(groupId);
            grant.setResource(Resources.PROCESS_INSTANCE);
            grant.setResourceId(processInstanceId);
            grant.addPermission(Permissions.READ);
            authorizations.saveAuthorization(grant);
        }
        for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
            tasks.addCandidateGroup(task.getId(), groupId);
        }
    }
}
