package io.collectflow.contact.template;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.collectflow.contact.compliance.PhraseFilter;
import io.collectflow.contact.compliance.ProhibitedLanguageException;

/**
 * The message templates, validated when they are loaded: known variables only, no prohibited language, at
 * least two variants per purpose and language (so rotation can vary the text). Any violation stops the load
 * (and so the application start) with the template and the phrase named.
 */
public class TemplateCatalog {

    private final Map<String, List<ContactTemplate>> byPurposeAndLanguage = new LinkedHashMap<>();

    public TemplateCatalog(Collection<ContactTemplate> templates, PhraseFilter filter) {
        for (ContactTemplate t : templates) {
            validate(t, filter);
            List<ContactTemplate> variants = byPurposeAndLanguage.computeIfAbsent(key(t.purpose(), t.language()),
                k -> new ArrayList<>());
            if (variants.stream().anyMatch(v -> v.variant().equals(t.variant()))) {
                throw new IllegalStateException("template " + t.id() + " is defined twice (" + t.source() + ")");
            }
            variants.add(t);
        }
        byPurposeAndLanguage.forEach((key, variants) -> {
            if (variants.size() < 2) {
                throw new IllegalStateException("template " + key + " needs at least two variants to rotate, has "
                    + variants.size());
            }
            variants.sort(Comparator.comparing(ContactTemplate::variant));
        });
    }

    /** Rejects a template with unknown variables or prohibited language, naming it and the phrase. */
    public static void validate(ContactTemplate t, PhraseFilter filter) {
        Set<String> used = new TreeSet<>(TemplateText.placeholders(t.body()));
        used.addAll(TemplateText.placeholders(t.subject()));
        used.removeAll(TemplateText.VARIABLES);
        if (!used.isEmpty()) {
            throw new IllegalStateException("template " + t.id() + " (" + t.source() + ") uses unknown variables " + used
                + "; known: " + new TreeSet<>(TemplateText.VARIABLES));
        }
        List<PhraseFilter.Violation> found = new ArrayList<>(filter.find(t.subject()));
        found.addAll(filter.find(t.body()));
        if (!found.isEmpty()) {
            throw new ProhibitedLanguageException("template " + t.id() + " (" + t.source() + ")", found);
        }
    }

    public List<ContactTemplate> variants(String purpose, String language) {
        List<ContactTemplate> variants = byPurposeAndLanguage.get(key(purpose, language));
        if (variants == null) {
            throw new IllegalArgumentException("no template for purpose '" + purpose + "' in language " + language
                + " (known: " + byPurposeAndLanguage.keySet() + ")");
        }
        return variants;
    }

    /** The variant after the last one used (round robin): never the same text twice in a row. */
    public ContactTemplate next(String purpose, String language, String lastTemplateId) {
        List<ContactTemplate> variants = variants(purpose, language);
        for (int i = 0; i < variants.size(); i++) {
            if (variants.get(i).id().equals(lastTemplateId)) {
                return variants.get((i + 1) % variants.size());
            }
        }
        return variants.get(0);
    }

    private static String key(String purpose, String language) {
        return purpose + "/" + language;
    }
}
