package io.collectflow.contact.compliance;

import java.util.List;

import org.springframework.stereotype.Service;

/**
 * Screens collectors' free-text notes for prohibited language (F2). Forms call
 * {@code POST /api/compliance/screen-note}; delegates and listeners call {@link #requireClean(String)}.
 */
@Service
public class NoteScreening {

    /** The outcome: clean, or the phrases found and a message naming them. */
    public record Result(boolean clean, List<PhraseFilter.Violation> violations, String message) {
    }

    private final PhraseFilter filter;

    public NoteScreening(PhraseFilter filter) {
        this.filter = filter;
    }

    public Result check(String text) {
        List<PhraseFilter.Violation> found = filter.find(text);
        return found.isEmpty() ? new Result(true, found, null)
            : new Result(false, found, "The note contains " + PhraseFilter.describe(found) + ". Please rephrase it.");
    }

    /** Throws {@link ProhibitedLanguageException} naming the phrase when the note is not clean. */
    public void requireClean(String text) {
        List<PhraseFilter.Violation> found = filter.find(text);
        if (!found.isEmpty()) {
            throw new ProhibitedLanguageException("The note", found);
        }
    }
}
