package io.collectflow.contact;

/** Who makes a contact: the lender's collector, an agency's collector, or the system (automated reminders). */
public enum OperatorType {
    COLLECTOR, AGENCY, SYSTEM
}
