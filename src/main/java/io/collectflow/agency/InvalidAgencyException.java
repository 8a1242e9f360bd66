package io.collectflow.agency;

/** A bad value in an agency registration or review; the message starts with the field's name. */
public class InvalidAgencyException extends IllegalArgumentException {

    private final String field;

    public InvalidAgencyException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
