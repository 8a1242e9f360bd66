package io.collectflow.contact;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.collectflow.contact.compliance.PhraseFilter;
import io.collectflow.contact.template.ContactTemplate;
import io.collectflow.contact.template.TemplateCatalog;
import io.collectflow.contact.template.TemplateFiles;

/** Loads the prohibited-phrase lists and the message templates; a bad file stops the start with a clear message. */
@Configuration
public class ContactConfig {

    @Bean
    @SuppressWarnings("unchecked")
    PhraseFilter phraseFilter(ContactProperties properties, ResourceLoader loader) throws IOException {
        Resource file = loader.getResource(properties.getProhibitedPhrasesFile());
        try (InputStream in = file.getInputStream()) {
            Object lists = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            if (!(lists instanceof Map<?, ?> map)) {
                throw new IllegalStateException("prohibited phrases file " + file + " must map category -> language -> phrases");
            }
            return new PhraseFilter((Map<String, Map<String, List<String>>>) map);
        }
    }

    @Bean
    TemplateCatalog templateCatalog(ContactProperties properties, ResourceLoader loader, PhraseFilter filter)
            throws IOException {
        List<ContactTemplate> templates = new ArrayList<>();
        for (Resource resource : ResourcePatternUtils.getResourcePatternResolver(loader)
            .getResources(properties.getTemplatesLocation())) {
            try (InputStream in = resource.getInputStream()) {
                templates.addAll(TemplateFiles.read(resource.getFilename(), in));
            }
        }
        return new TemplateCatalog(templates, filter);
    }
}
