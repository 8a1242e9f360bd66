package io.collectflow.legal.collateral;

/** A bad value in a collateral registration; the message starts with the field's name. */
public class InvalidCollateralException extends IllegalArgumentException {

    private final String field;

    public InvalidCollateralException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
