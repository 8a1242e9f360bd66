package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * PostgreSQL only: the two full indexes on {@code loan.dpd} and {@code loan.overdue_amount} (V10) become
 * one partial index over the loans in arrears. The daily scan updates every overdue loan's dpd and
 * overdue amount, and each such (non-HOT) update wrote an entry into both full indexes; the partial
 * index holds only the loans in arrears and still serves the scan's and the case lifecycle's
 * {@code dpd > 0} / {@code overdue_amount > 0} look-ups. H2 (demo-sized books) has no partial
 * indexes and keeps the V10 indexes.
 */
public class V101__loan_arrears_index extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        if (!product.toLowerCase().contains("postgres")) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("CREATE INDEX ix_loan_in_arrears ON loan (loan_no) WHERE dpd > 0 OR overdue_amount > 0");
            statement.execute("DROP INDEX ix_loan_dpd");
            statement.execute("DROP INDEX ix_loan_overdue");
        }
    }
}
