package io.collectflow.casework;

import java.io.IOException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Scan → cases on a real PostgreSQL (embedded binaries, started once for this class). */
@DirtiesContext
class PostgresCaseLifecycleIntegrationTest extends CaseLifecycleIntegrationTest {

    private static EmbeddedPostgres postgres;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws IOException {
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off").start();
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("camunda.bpm.database.type", () -> "postgres");
    }

    @TestConfiguration
    static class PostgresLifetime {
        /**
         * Created before every other bean, so destroyed after all of them: the database stops only
         * when the engine (which undeploys on close) and the connection pool are gone.
         */
        @Bean
        static StopPostgresLast stopPostgresLast() {
            return new StopPostgresLast();
        }
    }

    static final class StopPostgresLast implements BeanFactoryPostProcessor, DisposableBean {
        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        }

        @Override
        public void destroy() throws IOException {
            postgres.close();
        }
    }
}
