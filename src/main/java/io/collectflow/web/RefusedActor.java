package io.collectflow.web;

/**
 * Marks an exception that refuses who acts, not what was entered (the four-eyes rule: the requester may not approve
 * their own write-off). When one stops a task completion or a form submission, the engine's REST API answers 403 with
 * its message instead of 500 ({@code io.collectflow.casework.form.FormRefusals}).
 */
public interface RefusedActor {
}
