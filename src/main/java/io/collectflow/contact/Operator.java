package io.collectflow.contact;

import java.util.Objects;

/** The person or system making a contact, recorded with every verdict and contact-log entry. */
public record Operator(String id, OperatorType type) {

    public static final Operator SYSTEM = new Operator("system", OperatorType.SYSTEM);

    public Operator {
        Objects.requireNonNull(id, "operator id");
        Objects.requireNonNull(type, "operator type");
    }

    public static Operator collector(String userId) {
        return new Operator(userId, OperatorType.COLLECTOR);
    }

    public static Operator agency(String userId) {
        return new Operator(userId, OperatorType.AGENCY);
    }
}
