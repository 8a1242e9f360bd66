package io.collectflow.web;

/**
 * Marks an exception that refuses what a person entered, with a message written for that person ("Please correct:
 * …", "Calling is allowed again at …"). When one stops a task completion or a form submission, the engine's REST API
 * answers 400 with its message instead of 500 ({@code io.collectflow.casework.form.FormRefusals}).
 */
public interface RefusedInput {
}
