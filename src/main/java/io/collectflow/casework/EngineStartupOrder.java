package io.collectflow.casework;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Our Flyway migrations run before the process engine starts, so the engine (its delegates,
 * listeners and deployment callbacks) always finds the domain tables in place, and Flyway always
 * sees the schema it manages before Camunda adds its own tables.
 */
@Configuration
public class EngineStartupOrder {

    private static final String FLYWAY_INITIALIZER = "flywayInitializer";

    @Bean
    static BeanFactoryPostProcessor processEngineAfterFlyway() {
        return beanFactory -> {
            if (!beanFactory.containsBeanDefinition(FLYWAY_INITIALIZER)) {
                return;
            }
            for (String name : beanFactory.getBeanNamesForType(ProcessEngineFactoryBean.class, true, false)) {
                String beanName = name.startsWith(BeanFactory.FACTORY_BEAN_PREFIX) ? name.substring(1) : name;
                BeanDefinition definition = beanFactory.getBeanDefinition(beanName);
                Set<String> dependsOn = new LinkedHashSet<>();
                if (definition.getDependsOn() != null) {
                    dependsOn.addAll(Arrays.asList(definition.getDependsOn()));
                }
                dependsOn.add(FLYWAY_INITIALIZER);
                definition.setDependsOn(dependsOn.toArray(String[]::new));
            }
        };
    }
}
