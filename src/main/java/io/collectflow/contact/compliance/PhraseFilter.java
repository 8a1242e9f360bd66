package io.collectflow.contact.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds prohibited phrases (by category: insult, threat, intimidation, third-party-disclosure) in a text.
 * English phrases match as whole words regardless of case and spacing; phrases with Chinese characters
 * match anywhere (Chinese has no word boundaries).
 */
public class PhraseFilter {

    /** A phrase found in a text and its category. */
    public record Violation(String phrase, String category) {
    }

    private record Rule(String phrase, String category, Pattern pattern) {
    }

    private final List<Rule> rules = new ArrayList<>();

    /** @param phrasesByCategory category → language → phrases */
    public PhraseFilter(Map<String, Map<String, List<String>>> phrasesByCategory) {
        phrasesByCategory.forEach((category, byLanguage) -> byLanguage.values().forEach(phrases -> phrases.forEach(
            phrase -> rules.add(new Rule(phrase, category, compile(phrase))))));
    }

    private static Pattern compile(String phrase) {
        String[] words = phrase.strip().split("\\s+");
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            regex.append(i == 0 ? "" : "\\s+").append(Pattern.quote(words[i]));
        }
        boolean latin = phrase.codePoints().noneMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
        String body = latin ? "(?<![\\p{L}\\p{N}])" + regex + "(?![\\p{L}\\p{N}])" : regex.toString();
        return Pattern.compile(body, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Every prohibited phrase in the text, in the order of the rule list. */
    public List<Violation> find(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Violation> found = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule.pattern().matcher(text).find()) {
                found.add(new Violation(rule.phrase(), rule.category()));
            }
        }
        return found;
    }

    /** A message naming every phrase found, e.g. {@code prohibited language: "deadbeat" (insult)}; null when clean. */
    public static String describe(List<Violation> violations) {
        if (violations.isEmpty()) {
            return null;
        }
        StringBuilder message = new StringBuilder("prohibited language: ");
        for (int i = 0; i < violations.size(); i++) {
            Violation v = violations.get(i);
            message.append(i == 0 ? "" : ", ").append('"').append(v.phrase()).append("\" (")
                .append(v.category().toLowerCase(Locale.ROOT)).append(')');
        }
        return message.toString();
    }
}
