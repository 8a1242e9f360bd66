package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * PostgreSQL only: a partial index over the installments whose principal + interest is not fully paid,
 * so the daily delinquency scan reads the overdue installments instead of the whole table; the paid and
 * penalty columns stay out of every index so a payment's allocation (and the penalty it spreads, V100) is a
 * HOT update (fill factor 85). The predicate must stay textually
 * equal to {@code DelinquencyScanner.OPEN}. H2 (demo-sized books) has no partial indexes and uses
 * {@code ix_installment_due}.
 */
public class V11__open_installment_index extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        if (!product.toLowerCase().contains("postgres")) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("""
                CREATE INDEX ix_installment_open ON installment (due_on)
                 WHERE principal_paid + interest_paid < principal_due + interest_due""");
            // room on each page, so updates that change no indexed column (allocation, penalty) stay HOT updates
            statement.execute("ALTER TABLE installment SET (fillfactor = 85)");
        }
    }
}
