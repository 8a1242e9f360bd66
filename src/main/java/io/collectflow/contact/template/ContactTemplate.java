package io.collectflow.contact.template;

/**
 * One variant of a message for a purpose and language. {@code id} = purpose/language/variant; the version
 * changes whenever the text changes (the contact log records id and version).
 */
public record ContactTemplate(String purpose, String language, String variant, int version, String subject,
        String body, String source) {

    public String id() {
        return purpose + "/" + language + "/" + variant;
    }
}
