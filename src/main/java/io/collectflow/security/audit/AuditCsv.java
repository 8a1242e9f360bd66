package io.collectflow.security.audit;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** RFC 4180 CSV of audit entries; cells a spreadsheet would run as formulas are prefixed with a quote. */
final class AuditCsv {

    static final String HEADER = "id,occurred_at,actor,action,subject_type,subject_id,details,prev_hash,hash";

    private AuditCsv() {
    }

    static String write(List<AuditEntry> entries) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (AuditEntry e : entries) {
            csv.append(Stream.of(Long.toString(e.id()), e.occurredAt().toString(), e.actor(), e.action(),
                e.subjectType(), e.subjectId(), e.details(), e.prevHash(), e.hash()).map(AuditCsv::cell)
                .collect(Collectors.joining(","))).append("\r\n");
        }
        return csv.toString();
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
