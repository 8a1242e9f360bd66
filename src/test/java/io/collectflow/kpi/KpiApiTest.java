package io.collectflow.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/** GET /api/kpis and friends over HTTP, against the hand-worked figures of {@link KpiFixture}. */
class KpiApiTest extends KpiSpringTestSupport {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    KpiMetrics metrics;

    private TestRestTemplate manager() {
        return rest.withBasicAuth(MANAGER, MANAGER);
    }

    @Test
    void kpisAsOfADayFollowTheContractAndReadTheEngineHistory() {
        JsonNode kpis = manager().getForObject(url("/api/kpis?asOf=2026-03-31"), JsonNode.class);
        assertThat(kpis.get("asOf").asText()).isEqualTo("2026-03-31");
        assertThat(kpis.get("activeLoans").asLong()).isEqualTo(4);
        // see KpiCalculationContract for the arithmetic
        assertThat(kpis.at("/overdueRates/30/byCount").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(kpis.at("/overdueRates/30/byBalance").decimalValue()).isEqualByComparingTo("0.932692");
        assertThat(kpis.at("/overdueRates/360/byCount").decimalValue()).isEqualByComparingTo("0");
        assertThat(kpis.get("overdueRates").fieldNames()).toIterable().containsExactly("30", "60", "90", "180", "360");
        // staff time from the three completed tasks: 1.5 h + 0.5 h + 1 h = 3 h × 30.00 = 90.00
        assertThat(kpis.at("/operations/staffHours").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(kpis.at("/operations/staffCost").decimalValue()).isEqualByComparingTo("90.00");
        assertThat(kpis.at("/operations/totalCost").decimalValue()).isEqualByComparingTo("117.50");
        assertThat(kpis.at("/targets/0/kpi").asText()).isEqualTo("overdueRate30");
        assertThat(kpis.at("/targets/0/status").asText()).isEqualTo("MISSED");
        assertThat(kpis.has("slices")).isFalse();
    }

    @Test
    void theLiveChampionChallengerComparisonForManagers() {
        // the fixture's cases carry variants A (B, C) and B (A1, A2, D)
        JsonNode report = manager().getForObject(url("/api/kpis/challenger?asOf=2026-03-31&champion=A&challenger=B"),
            JsonNode.class);
        assertThat(report.get("from").asText()).as("a year up to asOf").isEqualTo("2025-03-31");
        assertThat(report.get("arms")).extracting(a -> a.get("strategy").asText()).containsExactly("A", "B");
        assertThat(report.at("/arms/1/cases").asLong()).isEqualTo(3);
        // B's cases opened a month before: A1 (cured in 18 days) and none else → 1 of 1
        assertThat(report.at("/arms/1/cure30/cases").asLong()).isEqualTo(1);
        assertThat(report.at("/arms/1/cure30/events").asLong()).isEqualTo(1);
        assertThat(report.get("differences")).extracting(d -> d.get("metric").asText())
            .containsExactly("cure30", "cure90", "roll30", "recovery90");
        assertThat(report.has("configuredShare")).as("not the configured pair").isFalse();

        assertThat(manager().getForEntity(url("/api/kpis/challenger?asOf=31.03.2026"), String.class).getStatusCode())
            .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(manager().getForEntity(url("/api/kpis/challenger?asOf=2026-03-31&from=2026-04-01"), String.class)
            .getBody()).contains("must not be after");
        assertThat(rest.withBasicAuth("collector1", "collector1").getForEntity(url("/api/kpis/challenger"), String.class)
            .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void slicesByProductOrRegionAndBadParameters() {
        JsonNode byRegion = manager().getForObject(url("/api/kpis?asOf=2026-03-31&by=region"), JsonNode.class);
        assertThat(byRegion.get("slices")).hasSize(2);
        assertThat(byRegion.at("/slices/0/value").asText()).isEqualTo("CN-GD");
        assertThat(byRegion.at("/slices/1/overdueRates/30/byCount").decimalValue()).isEqualByComparingTo("0.666667");
        ResponseEntity<String> bad = manager().getForEntity(url("/api/kpis?asOf=2026-03-31&by=colour"), String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("by must be one of product, region, riskGrade, strategy, team, agency, collector");
        assertThat(manager().getForEntity(url("/api/kpis?asOf=31.03.2026"), String.class).getStatusCode())
            .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void slicesByTeamComeFromTheCollectorsGroupsInTheIdentityStore() {
        JsonNode byTeam = manager().getForObject(url("/api/kpis/slices?asOf=2026-03-31&by=TEAM"), JsonNode.class);
        assertThat(byTeam.get("dimension").asText()).isEqualTo("team");
        // collector1 (collectors-l1) holds B: 0 / 220; collector2 (collectors-l2) A2: 110 / 110; the rest have no collector
        assertThat(byTeam.get("slices")).extracting(s -> s.get("value").asText())
            .containsExactly("(none)", "collectors-l1", "collectors-l2");
        assertThat(byTeam.at("/slices/2/recoveryRates/WITHIN_90/rate").decimalValue()).isEqualByComparingTo("1");
        assertThat(byTeam.at("/slices/1/recoveryRates/WITHIN_90/overdueAtStart").decimalValue()).isEqualByComparingTo("220");
        assertThat(byTeam.at("/slices/1").has("overdueRates")).isFalse();
        JsonNode kpis = manager().getForObject(url("/api/kpis?asOf=2026-03-31"), JsonNode.class);
        assertThat(kpis.at("/recoveryByStage/SECOND_LINE/rate").decimalValue()).isEqualByComparingTo("0.050505");
        assertThat(kpis.at("/recoveryByRiskGrade/MEDIUM/WITHIN_90/rate").decimalValue()).isEqualByComparingTo("0.666652");
        assertThat(manager().getForEntity(url("/api/kpis/slices?by=colour"), String.class).getStatusCode())
            .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void onlyManagersSeeKpis() {
        assertThat(rest.getForEntity(url("/api/kpis"), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("collector1", "collector1").getForEntity(url("/api/kpis"), String.class)
            .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.getForEntity(url("/dashboard/"), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(manager().getForEntity(url("/dashboard/"), String.class).getBody()).contains("chart.umd.js");
        assertThat(manager().getForEntity(url("/webjars/chart.js/4.4.1/dist/chart.umd.js"), String.class).getStatusCode())
            .isEqualTo(HttpStatus.OK);
    }

    @Test
    void snapshotIsStoredReplacedAndServed() {
        LocalDate day = KpiFixture.AS_OF;
        manager().postForObject(url("/api/kpis/snapshot?asOf=2026-03-31"), null, String.class);
        manager().postForObject(url("/api/kpis/snapshot?asOf=2026-03-31"), null, String.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM kpi_snapshot WHERE as_of = :d").param("d", day).query(Long.class).single())
            .isEqualTo(1);
        // 5 thresholds × (portfolio + 2 products + 2 regions + 3 risk grades: LOW has cases but no active loan);
        // the case dimensions have no overdue rates
        assertThat(jdbc.sql("SELECT COUNT(*) FROM kpi_snapshot_overdue WHERE as_of = :d").param("d", day)
            .query(Long.class).single()).isEqualTo(40);
        assertThat(jdbc.sql("SELECT rate_by_count FROM kpi_snapshot_overdue WHERE as_of = :d AND slice_type = 'ALL'"
                + " AND dpd_threshold = 60").param("d", day).query(java.math.BigDecimal.class).single())
            .isEqualByComparingTo("0.5");
        JsonNode served = manager().getForObject(url("/api/kpis?asOf=2026-03-31"), JsonNode.class);
        assertThat(served.get("source").asText()).isEqualTo("snapshot");
        assertThat(served.at("/overdueRates/60/byBalance").decimalValue()).isEqualByComparingTo("0.673077");
        JsonNode trend = manager().getForObject(url("/api/kpis/trend?from=2026-03-01&to=2026-03-31"), JsonNode.class);
        assertThat(trend).hasSize(1);
        assertThat(trend.at("/0/overdueByCount/90").decimalValue()).isEqualByComparingTo("0.25");
    }

    @Test
    void monthlyReportAsCsvAndHtml() {
        ResponseEntity<String> csv = manager().getForEntity(
            url("/api/kpis/report?period=month&date=2026-03-15&format=csv"), String.class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody().lines()).first().isEqualTo("period,from,to,section,metric,key,value,target,status");
        assertThat(csv.getBody().lines()).contains(
            "2026-03,2026-03-01,2026-03-31,portfolio,activeLoans,,4,,",
            "2026-03,2026-03-01,2026-03-31,overdue,overdueRateByCount,30,0.750000,,",
            "2026-03,2026-03-01,2026-03-31,targets,overdueRate30,<,0.750000,0.05,MISSED",
            "2026-03,2026-03-01,2026-03-31,operations,recovered,,439.99,,",
            "2026-03,2026-03-01,2026-03-31,operations,totalCost,,117.50,,",
            "2026-03,2026-03-01,2026-03-31,operations,contacts,visit,1,,");
        // Q1: recovered under an open case: A #1 110 (01-20), C 50 (01-15), A #3 110, D 329.99; A #2 (02-01, no case) not
        ResponseEntity<String> quarter = manager().getForEntity(
            url("/api/kpis/report?period=quarter&date=2026-02-10&format=csv"), String.class);
        assertThat(quarter.getBody().lines()).contains("2026-Q1,2026-01-01,2026-03-31,operations,recovered,,599.99,,")
            .anyMatch(l -> l.contains(",trend,overdueRateByCount,30@2026-01-31,"));
        String html = manager().getForObject(url("/api/kpis/report?period=month&date=2026-03-15&format=html"), String.class);
        assertThat(html).contains("<h1>CollectFlow KPI report 2026-03</h1>").contains("class=\"MISSED\"");
        assertThat(manager().getForEntity(url("/api/kpis/report?period=week&date=2026-03-15"), String.class)
            .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void monthlyQuarterlyAndYearlyReportsAsPdf() throws Exception {
        ResponseEntity<byte[]> month = manager().getForEntity(
            url("/api/kpis/report?period=month&date=2026-03-15&format=pdf"), byte[].class);
        assertThat(month.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(month.getHeaders().getContentDisposition().getFilename()).isEqualTo("collectflow-kpi-2026-03.pdf");
        String text = pdfText(month.getBody());
        // the same figures as the CSV (arithmetic in KpiCalculationContract), recovery by stage and risk grade beside them
        assertThat(text).contains("CollectFlow KPI report 2026-03", "Period 2026-03-01 to 2026-03-31", "overdueRateByCount",
            "0.750000", "MISSED", "439.99", "117.50", "recoveryRateByStage", "SECOND_LINE", "0.050505",
            "recoveryRateByRiskGrade", "MEDIUM WITHIN_90", "0.666652");
        String quarter = pdfText(manager().getForObject(
            url("/api/kpis/report?period=quarter&date=2026-02-10&format=pdf"), byte[].class));
        assertThat(quarter).contains("CollectFlow KPI report 2026-Q1", "599.99", "30@2026-01-31");
        String year = pdfText(manager().getForObject(
            url("/api/kpis/report?period=year&date=2026-02-10&format=pdf"), byte[].class));
        assertThat(year).contains("CollectFlow KPI report 2026", "Period 2026-01-01 to 2026-12-31", "30@2026-12-31");
        assertThat(manager().getForEntity(url("/api/kpis/report?period=month&date=2026-03-15&format=docx"), String.class)
            .getBody()).contains("format must be csv, html or pdf");
    }

    private static String pdfText(byte[] pdf) throws IOException {
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(pdf);
        try {
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }

    @Test
    void scorecardsOfCollectorsAndAgencies() {
        JsonNode cards = manager().getForObject(url("/api/kpis/scorecards?from=2026-03-01&to=2026-03-31"), JsonNode.class);
        JsonNode c1 = find(cards, "collector1");
        // 2 tasks, 2 h; 2 calls, 1 answered; 1 blocked attempt; cost 2 h × 30 + 2 × 0.80 = 61.60; B paid nothing
        assertThat(c1.get("tasksCompleted").asLong()).isEqualTo(2);
        assertThat(c1.get("contacts").asLong()).isEqualTo(2);
        assertThat(c1.get("rightPartyContacts").asLong()).isEqualTo(1);
        assertThat(c1.get("blockedAttempts").asLong()).isEqualTo(1);
        assertThat(c1.get("cost").decimalValue()).isEqualByComparingTo("61.60");
        assertThat(c1.get("recovered").decimalValue()).isEqualByComparingTo("0");
        JsonNode c2 = find(cards, "collector2");
        // called A on 03-04; A paid 110 on 03-10; cost 1 h × 30 + 0.80 = 30.80 → 0.28 per unit recovered
        assertThat(c2.get("recovered").decimalValue()).isEqualByComparingTo("110.00");
        assertThat(c2.get("costPerUnitRecovered").decimalValue()).isEqualByComparingTo("0.28");
        JsonNode agency = find(cards, "agency1");
        assertThat(agency.get("type").asText()).isEqualTo("AGENCY");
        assertThat(agency.get("cost").decimalValue()).isEqualByComparingTo("25.00");
        // the month to a snapshot day is stored with the snapshot and served from it (what the dashboard asks for)
        snapshots.snapshot(KpiFixture.AS_OF);
        assertThat(jdbc.sql("SELECT document FROM kpi_snapshot WHERE as_of = :d").param("d", KpiFixture.AS_OF)
            .query(String.class).single()).contains("\"scorecards\":[").contains("\"subject\":\"collector2\"");
        JsonNode stored = manager().getForObject(url("/api/kpis/scorecards?to=2026-03-31"), JsonNode.class);
        assertThat(stored).isEqualTo(cards);
        assertThat(manager().getForObject(url("/api/kpis?asOf=2026-03-31"), JsonNode.class).has("scorecards")).isFalse();
    }

    @Test
    void prometheusShowsCasesContactsAndScanDuration() {
        metrics.recordScan(Duration.ofSeconds(42));
        String scrape = manager().getForObject(url("/actuator/prometheus"), String.class);
        assertThat(scrape).contains("collectflow_cases{application=\"collectflow\",status=\"ACTIVE\"} 3.0")
            .contains("collectflow_cases{application=\"collectflow\",status=\"CURED\"} 2.0")
            .contains("collectflow_contacts_sent_total{application=\"collectflow\"} 6.0")
            .contains("collectflow_contacts_blocked_total{application=\"collectflow\"} 1.0")
            .contains("collectflow_scan_duration_seconds_count{application=\"collectflow\"} 1");
    }

    @Test
    void drillDownListsTheBucketsCasesWithCockpitLinks() {
        JsonNode cases = manager().getForObject(url("/api/kpis/cases?bucket=DPD_180_359"), JsonNode.class);
        assertThat(cases).hasSize(1);
        assertThat(cases.at("/0/loanNo").asText()).isEqualTo("KPI-C");
        assertThat(cases.at("/0/cockpitUrl").asText()).isEqualTo("/camunda/app/cockpit/default/#/process-instance/pi-kpi-c");
    }

    private static JsonNode find(JsonNode cards, String subject) {
        for (JsonNode card : cards) {
            if (card.get("subject").asText().equals(subject)) {
                return card;
            }
        }
        throw new AssertionError("no scorecard for " + subject + " in " + cards);
    }
}
