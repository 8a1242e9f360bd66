package io.collectflow.kpi;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/** The report's lines as a printable A4 PDF (OpenPDF): title, period, one table row per line, header repeated per page. */
final class KpiReportPdf {

    private static final Font TITLE = new Font(Font.HELVETICA, 14, Font.BOLD);
    private static final Font HEADER = new Font(Font.HELVETICA, 8, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 8);
    private static final Font MET = new Font(Font.HELVETICA, 8, Font.BOLD, new Color(0x0a, 0x7d, 0x20));
    private static final Font MISSED = new Font(Font.HELVETICA, 8, Font.BOLD, new Color(0xb0, 0x00, 0x20));
    private static final String[] COLUMNS = {"Section", "Metric", "Key", "Value", "Target", "Status"};
    private static final float[] WIDTHS = {12, 30, 22, 14, 10, 12};

    private KpiReportPdf() {
    }

    static byte[] render(ReportPeriod period, List<KpiReportService.Line> lines, LocalDateTime printedAt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("CollectFlow KPI report " + period.label());
            document.open();
            document.add(new Paragraph("CollectFlow KPI report " + period.label(), TITLE));
            document.add(new Paragraph("Period " + period.start() + " to " + period.end() + ", printed "
                + printedAt.withNano(0) + "\n\n", BODY));
            PdfPTable table = new PdfPTable(WIDTHS);
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            for (String column : COLUMNS) {
                PdfPCell cell = new PdfPCell(new Phrase(column, HEADER));
                cell.setBackgroundColor(new Color(0xe8, 0xec, 0xf1));
                table.addCell(cell);
            }
            for (KpiReportService.Line line : lines) {
                table.addCell(new Phrase(line.section(), BODY));
                table.addCell(new Phrase(line.metric(), BODY));
                table.addCell(new Phrase(line.key(), BODY));
                table.addCell(number(line.value()));
                table.addCell(number(line.target()));
                table.addCell(new Phrase(line.status(), KpiTargets.MISSED.equals(line.status()) ? MISSED
                    : line.status().isEmpty() ? BODY : MET));
            }
            document.add(table);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("KPI report " + period.label() + " could not be rendered", e);
        }
        return out.toByteArray();
    }

    private static PdfPCell number(String value) {
        PdfPCell cell = new PdfPCell(new Phrase(value, BODY));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }
}
