package io.collectflow.agency;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Camunda authorizations for an agency's group (F6): at placement the group may read the placed process
 * instances and work their tasks; at recall every such grant is deleted. The engine bridge of the agency
 * feature; with authorization checks on, agency users see nothing else in Tasklist or the engine REST API.
 */
@Component
public class AgencyAccess {

    private final AuthorizationService authorizations;
    private final TaskService tasks;
    private final HistoryService history;

    public AgencyAccess(AuthorizationService authorizations, TaskService tasks, HistoryService history) {
        this.authorizations = authorizations;
        this.tasks = tasks;
        this.history = history;
    }

    /** Grants the group read access to the instances and read/work on their open tasks. */
    public void grant(String groupId, List<String> processInstanceIds) {
        for (String pid : processInstanceIds) {
            add(groupId, Resources.PROCESS_INSTANCE, pid, Permissions.READ);
            tasks.createTaskQuery().processInstanceId(pid).list()
                .forEach(task -> grantTask(groupId, task.getId()));
        }
    }

    /** Lets the group read and complete one task (tasks created after the placement). */
    public void grantTask(String groupId, String taskId) {
        add(groupId, Resources.TASK, taskId, Permissions.READ, Permissions.UPDATE);
    }

    /** Deletes every grant of the group on the instances and on their tasks, open or ended. */
    public void revoke(String groupId, List<String> processInstanceIds) {
        for (String pid : processInstanceIds) {
            delete(groupId, pid);
            history.createHistoricTaskInstanceQuery().processInstanceId(pid).list()
                .forEach(task -> delete(groupId, task.getId()));
        }
    }

    private void delete(String groupId, String resourceId) {
        authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceId(resourceId).list()
            .forEach(auth -> authorizations.deleteAuthorization(auth.getId()));
    }

    private void add(String groupId, Resource resource, String resourceId, Permission... permissions) {
        if (authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
            .resourceId(resourceId).count() > 0) {
            return;
        }
        Authorization auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        auth.setGroupId(groupId);
        auth.setResource(resource);
        auth.setResourceId(resourceId);
        for (Permission permission : permissions) {
            auth.addPermission(permission);
        }
        authorizations.saveAuthorization(auth);
    }
}
