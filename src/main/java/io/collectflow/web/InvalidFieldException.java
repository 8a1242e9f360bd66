package io.collectflow.web;

/** A bad value in a request; the message starts with the field's name. Answered 422 by {@link FieldErrorAdvice}. */
public class InvalidFieldException extends IllegalArgumentException implements RefusedInput {

    private final String field;

    public InvalidFieldException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
