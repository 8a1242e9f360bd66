package io.collectflow.kpi;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

/**
 * Whether a table and column exist (JDBC metadata), for KPIs that use tables other features add
 * later (complaint, promise_to_pay). Answers are cached once found; a missing table is asked again.
 */
public class SchemaProbe {

    private final DataSource dataSource;
    private final Map<String, Boolean> found = new ConcurrentHashMap<>();

    public SchemaProbe(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean hasColumn(String table, String column) {
        String key = table + "." + column;
        if (found.containsKey(key)) {
            return true;
        }
        boolean exists = lookUp(table, column);
        if (exists) {
            found.put(key, true);
        }
        return exists;
    }

    private boolean lookUp(String table, String column) {
        try (var connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            // H2 stores unquoted names in upper case, PostgreSQL in lower case
            for (String t : new String[] {table.toLowerCase(Locale.ROOT), table.toUpperCase(Locale.ROOT)}) {
                for (String c : new String[] {column.toLowerCase(Locale.ROOT), column.toUpperCase(Locale.ROOT)}) {
                    try (ResultSet rs = meta.getColumns(null, null, t, c)) {
                        if (rs.next()) {
                            return true;
                        }
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read database metadata", e);
        }
    }
}
