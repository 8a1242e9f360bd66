package io.collectflow.contact.compliance;

import java.util.List;

import io.collectflow.web.RefusedInput;

/** A text (note or template) contains prohibited language; the message names each phrase. */
public class ProhibitedLanguageException extends RuntimeException implements RefusedInput {

    private final transient List<PhraseFilter.Violation> violations;

    public ProhibitedLanguageException(String what, List<PhraseFilter.Violation> violations) {
        super(what + " contains " + PhraseFilter.describe(violations));
        this.violations = List.copyOf(violations);
    }

    public List<PhraseFilter.Violation> violations() {
        return violations;
    }
}
