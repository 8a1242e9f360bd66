package io.collectflow.contact.template;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads template files: YAML with {@code purpose} and per language a list of variants
 * ({@code variant}, {@code version}, {@code subject}, {@code body}).
 */
public final class TemplateFiles {

    private TemplateFiles() {
    }

    @SuppressWarnings("unchecked")
    public static List<ContactTemplate> read(String source, InputStream in) throws IOException {
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        if (!(loaded instanceof Map<?, ?> root) || !(root.get("purpose") instanceof String purpose)
            || !(root.get("languages") instanceof Map<?, ?> languages)) {
            throw new IllegalStateException("template file " + source + ": expected 'purpose' and 'languages'");
        }
        List<ContactTemplate> templates = new ArrayList<>();
        for (Map.Entry<?, ?> language : languages.entrySet()) {
            if (!(language.getValue() instanceof List<?> variants)) {
                throw new IllegalStateException("template file " + source + ": language " + language.getKey()
                    + " must list variants");
            }
            for (Object v : variants) {
                Map<String, Object> variant = (Map<String, Object>) v;
                String where = "template file " + source + " " + purpose + "/" + language.getKey();
                Object id = variant.get("variant");
                Object version = variant.get("version");
                Object body = variant.get("body");
                if (id == null || !(version instanceof Integer) || !(body instanceof String)) {
                    throw new IllegalStateException(where + ": each variant needs variant, version (number) and body");
                }
                templates.add(new ContactTemplate(purpose, String.valueOf(language.getKey()), String.valueOf(id),
                    (Integer) version, (String) variant.get("subject"), ((String) body).strip(), source));
            }
        }
        return templates;
    }
}
