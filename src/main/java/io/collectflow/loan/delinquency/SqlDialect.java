package io.collectflow.loan.delinquency;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/** The few SQL fragments PostgreSQL and H2 spell differently. Everything else in the scan is portable. */
enum SqlDialect {
    POSTGRESQL {
        @Override
        String daysBetween(String from, String to) {
            return "(" + to + " - " + from + ")";
        }

        @Override
        String analyze(String table) {
            return "ANALYZE " + table;
        }
    },
    H2 {
        @Override
        String daysBetween(String from, String to) {
            return "DATEDIFF(DAY, " + from + ", " + to + ")";
        }

        @Override
        String analyze(String table) {
            return "ANALYZE TABLE " + table;
        }
    };

    /** Whole days from date expression {@code from} to date expression {@code to}, as an integer. */
    abstract String daysBetween(String from, String to);

    /** Refreshes the planner statistics of a table whose content was just replaced. */
    abstract String analyze(String table);

    static SqlDialect of(DataSource dataSource) {
        String product;
        try {
            product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell the database product", e);
        }
        if (product.toLowerCase().contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.toLowerCase().contains("h2")) {
            return H2;
        }
        throw new IllegalStateException("the delinquency scan supports PostgreSQL and H2, not " + product);
    }
}
