package io.collectflow.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.collectflow.browser.HeadlessChromium;

/**
 * The managers' dashboard in headless Chromium, logged in as manager1: figures of the snapshot of
 * 2026-03-31 ({@link KpiFixture}, arithmetic in {@link KpiCalculationContract}), the Chart.js
 * charts, the roll-rate drill-down to Cockpit; a screenshot goes to target/kpi-dashboard.png.
 */
class KpiDashboardBrowserTest extends KpiSpringTestSupport {

    private static HeadlessChromium chromium;
    private static Browser browser;

    @BeforeAll
    static void launch() {
        chromium = HeadlessChromium.launch();
        browser = chromium.browser();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void managerSeesTheSnapshotAgainstTargetsAndDrillsDownToACase() throws Exception {
        snapshots.snapshot(LocalDate.of(2026, 1, 31));
        snapshots.snapshot(LocalDate.of(2026, 2, 28));
        snapshots.snapshot(KpiFixture.AS_OF);

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setHttpCredentials(MANAGER, MANAGER).setViewportSize(1400, 1000))) {
            Page page = context.newPage();
            page.navigate(url("/dashboard/"));
            page.waitForSelector("body[data-loaded='2026-03-31']");

            assertThat(page.textContent("#kpi-active-loans")).isEqualTo("4");
            assertThat(page.textContent("#kpi-outstanding")).isEqualTo("10,400.00");
            // DPD ≥ 30: 3 of 4 loans, 9700 of 10400 → 75.0 % / 93.3 %, target < 5 % missed
            assertThat(page.textContent("#overdue-30-count")).isEqualTo("75.0%");
            assertThat(page.textContent("#overdue-30-balance")).isEqualTo("93.3%");
            assertThat(page.textContent("#overdue-30-status")).isEqualTo("MISSED");
            assertThat(page.textContent("#overdue-90-count")).isEqualTo("25.0%");
            // 549.99 / 1320 recovered within 90 days
            assertThat(page.textContent("#recovery-WITHIN_90")).isEqualTo("41.7%");
            // strategy variant B: 549.99 / 550
            assertThat(page.textContent("#strategy-B-WITHIN_90")).isEqualTo("100.0%");
            assertThat(page.textContent("#strategy-A-WITHIN_90")).isEqualTo("0.0%");
            // recovery by stage: second line 50 / 990; by risk grade at the start: MEDIUM 439.99 / 660
            assertThat(page.textContent("#stage-SECOND_LINE")).isEqualTo("5.1%");
            assertThat(page.textContent("#grade-MEDIUM-WITHIN_90")).isEqualTo("66.7%");
            // 117.50 / 4 cases
            assertThat(page.textContent("#kpi-cost-per-case")).isEqualTo("29.38");
            assertThat(page.textContent("#roll-DPD_30_59-DPD_60_89")).isEqualTo("100.0% (1)");
            assertThat(page.textContent("#source")).contains("snapshot");

            // Chart.js drew the three snapshot days
            Object points = page.evaluate("() => Chart.getChart('chart-overdue-trend').data.labels.length");
            assertThat(((Number) points).intValue()).isEqualTo(3);
            assertThat(page.evaluate("() => Chart.getChart('chart-recovery').data.labels.join()"))
                .isEqualTo("WITHIN_90,DAYS_90_179,DAYS_180_PLUS");

            page.click("#roll-matrix td.bucket:text-is('DPD_180_359')");
            page.waitForSelector("#drilldown-table a");
            assertThat(page.getAttribute("#drilldown-table a", "href"))
                .isEqualTo("/camunda/app/cockpit/default/#/process-instance/pi-kpi-c");
            assertThat(page.textContent("#drilldown-table tbody")).contains("KPI-C");
            page.waitForSelector("#scorecards tbody tr");
            assertThat(page.textContent("#scorecards")).contains("collector1").contains("agency1");

            // the slice selector: by collector, collector2's case A2 recovered 110 / 110 in its first 90 days
            page.selectOption("#slice-by", "collector");
            page.waitForSelector("#slice-table[data-by='collector']");
            assertThat(page.textContent("#slice-collector-collector2-WITHIN_90")).isEqualTo("100.0%");
            assertThat(page.textContent("#slice-collector-collector1-WITHIN_90")).isEqualTo("0.0%");

            // the pilot panel: the configured pair first, then the fixture's variants A (B, C) against B (A1, A2, D)
            page.waitForSelector("#pilot-table[data-pair='expanded/short']");
            page.fill("#pilot-champion", "A");
            page.fill("#pilot-challenger", "B");
            page.click("#pilot-form button");
            page.waitForSelector("#pilot-table[data-pair='A/B']");
            // cured within 30 days of the cases opened by 03-01: A none of 2, B A1 (cured in 18 days) of 1
            assertThat(page.textContent("#pilot-cure30-champion")).isEqualTo("0.0% (2)");
            assertThat(page.textContent("#pilot-cure30-challenger")).isEqualTo("100.0% (1)");
            assertThat(page.textContent("#pilot-cure30-difference")).startsWith("+100.0 pt (");
            assertThat(page.textContent("#pilot-assignment")).startsWith("5 cases; challenger 60.0%");

            Path screenshot = Paths.get("target", "kpi-dashboard.png");
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshot).setFullPage(true));
            assertThat(Files.size(screenshot)).isPositive();
        }
    }
}
