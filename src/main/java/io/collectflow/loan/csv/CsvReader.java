package io.collectflow.loan.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV records from a character stream: comma separator, fields optionally enclosed in
 * double quotes (which may then contain commas, line breaks and doubled quotes), CRLF or LF line
 * ends, a leading byte-order mark ignored. Blank lines are skipped. I/O problems (including
 * malformed input from a strict decoder) surface as {@link UncheckedIOException}.
 */
public final class CsvReader {

    private static final int EOF = -1;

    private final BufferedReader in;
    private boolean first = true;
    private int pushedBack = Integer.MIN_VALUE;
    private int records;

    public CsvReader(Reader reader) {
        this.in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
    }

    /** The next record, or null at the end of input. */
    public List<String> next() {
        try {
            List<String> record;
            do {
                record = readRecord();
            } while (record != null && record.size() == 1 && record.get(0).isEmpty());
            if (record != null) {
                records++;
            }
            return record;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> readRecord() throws IOException {
        int c = read();
        if (first) {
            first = false;
            if (c == '\uFEFF') {
                c = read();
            }
        }
        if (c == EOF) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == EOF) {
                    throw new CsvFormatException(records + 1, "a quoted field is not closed before the end of the file");
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = d;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n' || c == EOF) {
                if (c == '\r') {
                    int d = read();
                    if (d != '\n') {
                        unread(d);
                    }
                }
                fields.add(field.toString());
                return fields;
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (wasQuoted && !Character.isWhitespace(c)) {
                throw new CsvFormatException(records + 1, "unexpected character after a closing quote");
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (pushedBack != Integer.MIN_VALUE) {
            int c = pushedBack;
            pushedBack = Integer.MIN_VALUE;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
