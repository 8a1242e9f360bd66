package io.collectflow.kpi;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;

/** The hand-worked KPIs on H2 (the embedded default). */
class KpiCalculationH2Test extends KpiCalculationContract {

    private static JdbcDataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:kpi-calc;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
