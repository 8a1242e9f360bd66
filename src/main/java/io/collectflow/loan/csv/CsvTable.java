package io.collectflow.loan.csv;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole CSV upload: header row plus data rows. Columns are found by name (order free); columns
 * nobody asks for are ignored. Missing required header columns are reported as errors on row 0.
 */
public final class CsvTable {

    private final Map<String, Integer> columns;
    private final List<List<String>> rows;
    private final List<RowError> headerErrors;
    private final int headerWidth;

    private CsvTable(Map<String, Integer> columns, List<List<String>> rows, List<RowError> headerErrors,
                     int headerWidth) {
        this.columns = columns;
        this.rows = rows;
        this.headerErrors = headerErrors;
        this.headerWidth = headerWidth;
    }

    /** Reads everything; throws {@link CsvFormatException} for malformed CSV. */
    public static CsvTable read(Reader reader, List<String> requiredColumns) {
        CsvReader csv = new CsvReader(reader);
        List<String> header = csv.next();
        Map<String, Integer> columns = new HashMap<>();
        List<RowError> headerErrors = new ArrayList<>();
        if (header == null) {
            headerErrors.add(new RowError(0, "", "the file is empty; a header row is required"));
            return new CsvTable(columns, List.of(), headerErrors, 0);
        }
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim();
            if (!name.isEmpty() && columns.putIfAbsent(name, i) != null && requiredColumns.contains(name)) {
                headerErrors.add(new RowError(0, name, "column appears more than once in the header"));
            }
        }
        for (String required : requiredColumns) {
            if (!columns.containsKey(required)) {
                headerErrors.add(new RowError(0, required, "required column is missing from the header"));
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (List<String> record = csv.next(); record != null; record = csv.next()) {
            rows.add(record);
        }
        return new CsvTable(columns, rows, headerErrors, header.size());
    }

    public List<RowError> headerErrors() {
        return headerErrors;
    }

    public int size() {
        return rows.size();
    }

    public boolean hasColumn(String name) {
        return columns.containsKey(name);
    }

    /**
     * Values in data row {@code row} (1-based) beyond the header's last column that are not blank: a value with an
     * unquoted comma (an address, a name) shifts every later value one column on, so the row cannot be trusted.
     */
    public int extraValues(int row) {
        List<String> record = rows.get(row - 1);
        int extra = 0;
        for (int i = headerWidth; i < record.size(); i++) {
            if (!record.get(i).isBlank()) {
                extra++;
            }
        }
        return extra;
    }

    public int headerWidth() {
        return headerWidth;
    }

    /** The trimmed value of a column in data row {@code row} (1-based); empty when absent. */
    public String value(int row, String column) {
        Integer index = columns.get(column);
        List<String> record = rows.get(row - 1);
        if (index == null || index >= record.size()) {
            return "";
        }
        return record.get(index).trim();
    }
}
