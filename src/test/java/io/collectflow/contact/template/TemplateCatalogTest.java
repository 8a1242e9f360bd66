package io.collectflow.contact.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;

import io.collectflow.contact.compliance.NoteScreening;
import io.collectflow.contact.compliance.PhraseFilter;
import io.collectflow.contact.compliance.ProhibitedLanguageException;

class TemplateCatalogTest {

    private static PhraseFilter filter;
    private static List<ContactTemplate> shipped;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        try (InputStream in = TemplateCatalogTest.class.getResourceAsStream("/compliance/prohibited-phrases.yaml")) {
            filter = new PhraseFilter((Map<String, Map<String, List<String>>>) new Yaml().load(in));
        }
        shipped = new ArrayList<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:templates/contact/*.yaml")) {
            try (InputStream in = r.getInputStream()) {
                shipped.addAll(TemplateFiles.read(r.getFilename(), in));
            }
        }
    }

    @Test
    void theShippedTemplatesCoverEveryPurposeInBothLanguagesWithSeveralDifferentVariants() {
        TemplateCatalog catalog = new TemplateCatalog(shipped, filter);
        for (String purpose : List.of("REMINDER_30", "VOICE_60", "BROKEN_PROMISE", "PLAN_CONFIRMATION", "LAWYER_LETTER_NOTICE")) {
            for (String language : List.of("zh-CN", "en")) {
                List<ContactTemplate> variants = catalog.variants(purpose, language);
                assertThat(variants).hasSizeGreaterThanOrEqualTo(2);
                assertThat(variants.stream().map(ContactTemplate::body).distinct()).hasSameSizeAs(variants);
                assertThat(variants).allSatisfy(t -> assertThat(TemplateText.placeholders(t.body()))
                    .contains("loanNo", "overdueAmount", "hotline"));
            }
        }
    }

    @Test
    void rotationNeverRepeatsTheLastVariant() {
        TemplateCatalog catalog = new TemplateCatalog(shipped, filter);
        String last = null;
        List<String> sequence = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ContactTemplate next = catalog.next("REMINDER_30", "zh-CN", last);
            assertThat(next.id()).isNotEqualTo(last);
            sequence.add(next.id());
            last = next.id();
        }
        assertThat(sequence).containsExactly("REMINDER_30/zh-CN/a", "REMINDER_30/zh-CN/b", "REMINDER_30/zh-CN/a",
            "REMINDER_30/zh-CN/b", "REMINDER_30/zh-CN/a", "REMINDER_30/zh-CN/b");
    }

    @Test
    void aTemplateWithProhibitedLanguageCannotBeLoadedAndThePhraseIsNamed() throws IOException {
        String yaml = """
            purpose: REMINDER_30
            languages:
              en:
                - variant: a
                  version: 2
                  body: "Pay {{overdueAmount}} now or we will tell your employer about loan {{loanNo}}."
                - variant: b
                  version: 1
                  body: "Please pay {{overdueAmount}} on loan {{loanNo}}."
              zh-CN:
                - variant: a
                  version: 1
                  body: "老赖{{name}}，请还款 {{overdueAmount}} 元。"
                - variant: b
                  version: 1
                  body: "请还款 {{overdueAmount}} 元。"
            """;
        List<ContactTemplate> bad = TemplateFiles.read("bad.yaml",
            new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> new TemplateCatalog(bad, filter))
            .isInstanceOf(ProhibitedLanguageException.class)
            .hasMessageContaining("REMINDER_30/en/a").hasMessageContaining("bad.yaml")
            .hasMessageContaining("\"tell your employer\" (third-party-disclosure)");
        assertThatThrownBy(() -> TemplateCatalog.validate(bad.get(2), filter))
            .hasMessageContaining("REMINDER_30/zh-CN/a").hasMessageContaining("\"老赖\" (insult)");
    }

    @Test
    void unknownVariablesAndSingleVariantsAreRejected() {
        ContactTemplate typo = new ContactTemplate("X", "en", "a", 1, null, "Pay {{overdueAmout}}", "x.yaml");
        assertThatThrownBy(() -> TemplateCatalog.validate(typo, filter)).hasMessageContaining("[overdueAmout]");
        ContactTemplate single = new ContactTemplate("X", "en", "a", 1, null, "Pay {{overdueAmount}}", "x.yaml");
        assertThatThrownBy(() -> new TemplateCatalog(List.of(single), filter)).hasMessageContaining("at least two variants");
    }

    @Test
    void notesAreScreenedInBothLanguagesWithThePhraseNamed() {
        NoteScreening screening = new NoteScreening(filter);
        assertThat(screening.check("Borrower promised to pay on Friday; lost job in May.").clean()).isTrue();
        NoteScreening.Result threat = screening.check("Told him YOU WILL   REGRET it");
        assertThat(threat.clean()).isFalse();
        assertThat(threat.message()).contains("\"you will regret\" (threat)");
        assertThat(screening.check("借款人说下周还，已告知如不还款将通知你单位").message()).contains("\"通知你单位\" (third-party-disclosure)");
        // whole words only: "scumble" is not "scum", "Stupidity" is not "stupid"
        assertThat(screening.check("paint scumble; Stupidity of the system").clean()).isTrue();
        assertThatThrownBy(() -> screening.requireClean("what an idiot"))
            .isInstanceOf(ProhibitedLanguageException.class).hasMessageContaining("\"idiot\" (insult)");
    }
}
