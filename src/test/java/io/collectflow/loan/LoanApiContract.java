package io.collectflow.loan;

import static io.collectflow.web.JsonTypes.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.collectflow.security.pii.BorrowerPii;

/**
 * The loan-book and payment endpoints over real HTTP (CONTRACT.md), shared by the H2 and the
 * PostgreSQL run. Every test works on its own loan numbers, so tests share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "collectflow.import-max-bytes=" + LoanApiContract.MAX_BYTES)
@ActiveProfiles("test")
abstract class LoanApiContract {

    static final int MAX_BYTES = 200_000;
    static final String USER = "loanapitester";
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identityService;
    @Autowired
    LoanBookService loanBook;
    @Autowired
    BorrowerPii pii;

    TestRestTemplate http;
    String p;

    @BeforeEach
    void loginAndPrefix() {
        if (identityService.createUserQuery().userId(USER).count() == 0) {
            User user = identityService.newUser(USER);
            user.setPassword(USER + "-secret");
            identityService.saveUser(user);
        }
        // imports and payments are for managers (and administrators) only
        if (identityService.createGroupQuery().groupId("managers").count() == 0) {
            identityService.saveGroup(identityService.newGroup("managers"));
        }
        if (identityService.createUserQuery().userId(USER).memberOfGroup("managers").count() == 0) {
            identityService.createMembership(USER, "managers");
        }
        http = anonymous.withBasicAuth(USER, USER + "-secret");
        p = "T" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    // ---- helpers ------------------------------------------------------------------------------

    static final String HEADER = "loan_no,borrower_id,borrower_name,id_number,phone,email,address,region,product,"
        + "principal,annual_rate,penalty_rate,term_months,disbursed_on,first_due_on";

    String loanRow(String loanNo, String borrowerId, String phone) {
        return p + loanNo + "," + p + borrowerId + ",Li Lei,310101199001011234," + phone + ",li@example.cn,"
            + "\"Room 1, \"\"Garden\"\" Building\nPudong\",CN-SH,consumer,1200.00,0.12,0.18,12,2026-01-15,2026-02-15";
    }

    ResponseEntity<Map<String, Object>> upload(String path, byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(CSV);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JSON);
    }

    ResponseEntity<Map<String, Object>> upload(String path, String body) {
        return upload(path, body.getBytes(StandardCharsets.UTF_8));
    }

    ResponseEntity<Map<String, Object>> postPayment(String ref, String loanNo, String paidOn, Object amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("paymentRef", ref);
        body.put("loanNo", loanNo);
        body.put("paidOn", paidOn);
        body.put("amount", amount);
        body.put("channel", "bank_transfer");
        return http.exchange("/api/payments", HttpMethod.POST, new HttpEntity<>(body), JSON);
    }

    ResponseEntity<Map<String, Object>> view(String loanNo) {
        return http.exchange("/api/loans/" + loanNo, HttpMethod.GET, null, JSON);
    }

    /** Books a 12 × 100.00 zero-rate loan (installments due on the 15th from 2026-02-15). */
    String bookLoan(String loanNo) {
        loanBook.createLoans(List.of(NewLoan.builder(p + loanNo).principal("1200.00").annualRate("0")
            .firstDueOn(LocalDate.of(2026, 2, 15)).disbursedOn(LocalDate.of(2026, 1, 15)).build()));
        return p + loanNo;
    }

    int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> errors(ResponseEntity<Map<String, Object>> response) {
        return (List<Map<String, Object>>) response.getBody().get("errors");
    }

    static List<String> rowColumns(ResponseEntity<Map<String, Object>> response) {
        return errors(response).stream().map(e -> e.get("row") + ":" + e.get("column")).toList();
    }

    // ---- loan import and view -----------------------------------------------------------------

    @Test
    void importsQuotedCsvWithBomAndExtraColumnsAndShowsTheLoan() {
        String csv = "\uFEFF" + HEADER + ",branch_code\n" + loanRow("L1", "B1", "+86 139 0000 0001") + ",SH-01\n"
            + loanRow("L2", "B1", "+86 139 0000 0001") + ",SH-01\n";

        ResponseEntity<Map<String, Object>> response = upload("/api/loans/import", csv);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsExactly(Map.entry("imported", 2));
        // stored encrypted (BorrowerPii)
        assertThat(pii.open(BorrowerPii.ADDRESS, jdbc.queryForObject("SELECT address FROM borrower WHERE borrower_id = ?",
            String.class, p + "B1"))).isEqualTo("Room 1, \"Garden\" Building\nPudong");
        assertThat(count("SELECT COUNT(*) FROM installment WHERE loan_no = ?", p + "L1")).isEqualTo(12);
        assertThat(jdbc.queryForObject("SELECT SUM(principal_due) FROM installment WHERE loan_no = ?", BigDecimal.class,
            p + "L1")).isEqualByComparingTo("1200.00");

        Map<String, Object> loan = view(p + "L1").getBody();
        assertThat(loan).containsEntry("loanNo", p + "L1").containsEntry("borrowerId", p + "B1")
            .containsEntry("status", "ACTIVE").containsEntry("dpd", 0).containsEntry("bucket", "CURRENT")
            .containsEntry("overdueAmount", 0.0).containsEntry("outstandingPrincipal", 1200.0)
            .containsEntry("caseProcessInstanceId", null);
        assertThat(loan.keySet()).containsExactlyInAnyOrder("loanNo", "borrowerId", "status", "dpd", "bucket",
            "overdueAmount", "outstandingPrincipal", "caseProcessInstanceId");
    }

    @Test
    void loanViewShowsTheDelinquencyStateAndTheActiveCase() {
        String loanNo = bookLoan("V1");
        jdbc.update("UPDATE loan SET dpd = 35, bucket = 'DPD_30_59', overdue_amount = 200.00 WHERE loan_no = ?", loanNo);
        jdbc.update("INSERT INTO collection_case (loan_no, status, active_loan_no, process_instance_id, opened_on, closed_on,"
            + " opened_at) VALUES (?, 'CURED', NULL, 'pi-old', DATE '2026-01-01', DATE '2026-01-05', CURRENT_TIMESTAMP)",
            loanNo);
        jdbc.update("INSERT INTO collection_case (loan_no, status, active_loan_no, process_instance_id, opened_on, opened_at)"
            + " VALUES (?, 'ACTIVE', ?, 'pi-active', DATE '2026-03-17', CURRENT_TIMESTAMP)", loanNo, loanNo);

        Map<String, Object> loan = view(loanNo).getBody();

        assertThat(loan).containsEntry("dpd", 35).containsEntry("bucket", "DPD_30_59")
            .containsEntry("overdueAmount", 200.0).containsEntry("caseProcessInstanceId", "pi-active");
    }

    @Test
    void unknownLoanIs404WithJson() {
        ResponseEntity<Map<String, Object>> response = view(p + "NOPE");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody()).containsEntry("status", 404);
        assertThat((String) response.getBody().get("message")).contains(p + "NOPE");
    }

    @Test
    void openApiDescribesTheEndpoints() {
        String docs = anonymous.getForObject("/v3/api-docs", String.class);
        assertThat(docs).contains("/api/loans/import", "/api/loans/{loanNo}", "/api/payments", "/api/payments/import",
            "text/csv");
    }

    @Test
    void apiNeedsALogin() {
        assertThat(anonymous.getForEntity("/api/loans/X", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void invalidFileReportsEveryErrorAndStoresNothing() {
        String existing = bookLoan("OLD");
        String csv = HEADER + "\n"
            + loanRow("N1", "B1", "+86 1") + "\n"                                             // 1 ok
            + loanRow("N2", "B2", "+86 2").replace("1200.00", "12OO") + "\n"                  // 2 bad number
            + loanRow("N1", "B3", "+86 3") + "\n"                                             // 3 repeated loan_no
            + loanRow("N4", "B1", "+86 999") + "\n"                                           // 4 B1 with another phone
            + loanRow("OLD", "B5", "+86 5") + "\n"                                            // 5 already stored
            + loanRow("N6", "B6", "+86 6").replace("consumer", "") + "\n"                     // 6 blank product
            + loanRow("N7", "B7", "+86 7").replace("0.12,0.18,12", "0.12,0.18,-3") + "\n";    // 7 non-positive term

        ResponseEntity<Map<String, Object>> response = upload("/api/loans/import", csv);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody()).containsEntry("imported", 0);
        assertThat(rowColumns(response)).containsExactly("2:principal", "3:loan_no", "4:phone", "5:loan_no",
            "6:product", "7:term_months");
        assertThat(errors(response)).allSatisfy(e -> assertThat((String) e.get("message")).isNotBlank());
        assertThat(count("SELECT COUNT(*) FROM loan WHERE loan_no LIKE ?", p + "%")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM borrower WHERE borrower_id LIKE ?", p + "B%")).isZero();
        assertThat(existing).isEqualTo(p + "OLD");
    }

    @Test
    void missingHeaderColumnIsRowZero() {
        ResponseEntity<Map<String, Object>> response = upload("/api/loans/import",
            HEADER.replace(",region", "") + "\n" + loanRow("H1", "B1", "1").replace(",CN-SH", "") + "\n");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(rowColumns(response)).containsExactly("0:region");
    }

    @Test
    void uploadAboveTheLimitIs413() {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; csv.length() <= MAX_BYTES; i++) {
            csv.append(loanRow("BIG" + i, "B" + i, "1")).append('\n');
        }
        ResponseEntity<Map<String, Object>> response = upload("/api/loans/import", csv.toString());
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat((String) response.getBody().get("message")).contains(String.valueOf(MAX_BYTES));
        assertThat(count("SELECT COUNT(*) FROM loan WHERE loan_no LIKE ?", p + "%")).isZero();
    }

    @Test
    void nonUtf8UploadIs422() {
        byte[] latin1 = (HEADER + "\n" + loanRow("U1", "B1", "1").replace("Li Lei", "Jörg Müller") + "\n")
            .getBytes(StandardCharsets.ISO_8859_1);
        ResponseEntity<Map<String, Object>> response = upload("/api/loans/import", latin1);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat((String) response.getBody().get("message")).contains("UTF-8");
        assertThat(count("SELECT COUNT(*) FROM loan WHERE loan_no LIKE ?", p + "%")).isZero();
    }

    @Test
    void existingBorrowerIsUpdatedFromTheLatestFile() {
        assertThat(upload("/api/loans/import", HEADER + "\n" + loanRow("A1", "B1", "+86 111") + "\n").getStatusCode())
            .isEqualTo(HttpStatus.OK);
        assertThat(upload("/api/loans/import", HEADER + "\n" + loanRow("A2", "B1", "+86 222") + "\n").getStatusCode())
            .isEqualTo(HttpStatus.OK);
        assertThat(pii.open(BorrowerPii.PHONE, jdbc.queryForObject("SELECT phone FROM borrower WHERE borrower_id = ?",
            String.class, p + "B1"))).isEqualTo("+86 222");
        assertThat(count("SELECT COUNT(*) FROM loan WHERE borrower_id = ?", p + "B1")).isEqualTo(2);
    }

    // ---- payments -----------------------------------------------------------------------------

    @Test
    void paymentIsPostedOnceAndReportedAsDuplicateAfterwards() {
        String loanNo = bookLoan("P1");

        ResponseEntity<Map<String, Object>> first = postPayment(p + "R1", loanNo, "2026-02-15", 150.00);
        ResponseEntity<Map<String, Object>> again = postPayment(p + "R1", loanNo, "2026-02-15", "150.0");

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getBody()).containsEntry("duplicate", false);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("duplicate", true);
        assertThat((String) again.getBody().get("message")).containsIgnoringCase("duplicate");
        assertThat(count("SELECT COUNT(*) FROM payment WHERE loan_no = ?", loanNo)).isEqualTo(1);
        assertThat(view(loanNo).getBody()).containsEntry("outstandingPrincipal", 1050.0);
    }

    @Test
    void sameReferenceWithOtherDataIs409() {
        String loanNo = bookLoan("P2");
        postPayment(p + "R2", loanNo, "2026-02-15", 100);

        ResponseEntity<Map<String, Object>> conflict = postPayment(p + "R2", loanNo, "2026-02-15", 101);

        assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) conflict.getBody().get("message")).contains(p + "R2");
        assertThat(jdbc.queryForObject("SELECT amount FROM payment WHERE payment_ref = ?", BigDecimal.class, p + "R2"))
            .isEqualByComparingTo("100");
    }

    @Test
    void invalidPaymentsAre422WithFieldErrors() {
        String loanNo = bookLoan("P3");

        ResponseEntity<Map<String, Object>> negative = postPayment(p + "R3", loanNo, "2026-02-15", -5);
        ResponseEntity<Map<String, Object>> decimals = postPayment(p + "R3", loanNo, "2026-02-15", 10.005);
        ResponseEntity<Map<String, Object>> badDate = postPayment(p + "R3", loanNo, "2026-02-30", 10);
        ResponseEntity<Map<String, Object>> unknown = postPayment(p + "R3", p + "NOPE", "2026-02-15", 10);
        ResponseEntity<Map<String, Object>> beforeDisbursal = postPayment(p + "R3", loanNo, "2025-12-31", 10);

        for (var response : List.of(negative, decimals, badDate, unknown, beforeDisbursal)) {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        }
        assertThat(errors(negative)).extracting(e -> e.get("field")).containsExactly("amount");
        assertThat(errors(decimals)).extracting(e -> e.get("field")).containsExactly("amount");
        assertThat(errors(badDate)).extracting(e -> e.get("field")).containsExactly("paidOn");
        assertThat(errors(unknown)).extracting(e -> e.get("field")).containsExactly("loanNo");
        assertThat(errors(beforeDisbursal)).extracting(e -> e.get("field")).containsExactly("paidOn");
        assertThat(count("SELECT COUNT(*) FROM payment WHERE payment_ref = ?", p + "R3")).isZero();
    }

    @Test
    void concurrentPostsOfOneReferenceStoreItOnce() throws Exception {
        String loanNo = bookLoan("P4");
        int threads = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<HttpStatus>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<HttpStatus> call = () -> {
                    start.await();
                    return HttpStatus.valueOf(postPayment(p + "R4", loanNo, "2026-02-20", 80).getStatusCode().value());
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<HttpStatus> statuses = new ArrayList<>();
            for (Future<HttpStatus> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == HttpStatus.CREATED).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == HttpStatus.OK).hasSize(threads - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT COUNT(*) FROM payment WHERE payment_ref = ?", p + "R4")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT SUM(principal_paid) FROM installment WHERE loan_no = ?", BigDecimal.class,
            loanNo)).isEqualByComparingTo("80.00");
    }

    @Test
    void theSamePaymentFileUploadedSeveralTimesAtOncePostsItOnce() throws Exception {
        String loanNo = bookLoan("P4c");
        String file = "payment_ref,loan_no,paid_on,amount,channel\n" + p + "CC1," + loanNo + ",2026-02-20,10,alipay\n"
            + p + "CC2," + loanNo + ",2026-02-21,10,alipay\n";
        int uploads = 3;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(uploads);
        List<ResponseEntity<Map<String, Object>>> answers = new ArrayList<>();
        try {
            List<Future<ResponseEntity<Map<String, Object>>>> results = new ArrayList<>();
            for (int i = 0; i < uploads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return upload("/api/payments/import", file);
                }));
            }
            start.countDown();
            for (Future<ResponseEntity<Map<String, Object>>> f : results) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(answers).extracting(a -> a.getStatusCode().value()).containsOnly(200);
        assertThat(answers).extracting(ResponseEntity::getBody)
            .containsExactlyInAnyOrder(Map.of("posted", 2, "duplicates", 0), Map.of("posted", 0, "duplicates", 2),
                Map.of("posted", 0, "duplicates", 2));
        assertThat(count("SELECT COUNT(*) FROM payment WHERE loan_no = ?", loanNo)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT SUM(principal_paid) FROM installment WHERE loan_no = ?", BigDecimal.class,
            loanNo)).isEqualByComparingTo("20.00");
    }

    @Test
    void overpaymentPaysOffTheLoanAndKeepsTheRestAsCredit() {
        String loanNo = bookLoan("P5");
        postPayment(p + "R5a", loanNo, "2026-02-15", 1000);
        postPayment(p + "R5b", loanNo, "2026-03-15", 250);

        Map<String, Object> loan = view(loanNo).getBody();
        assertThat(loan).containsEntry("status", "PAID_OFF").containsEntry("outstandingPrincipal", 0.0);
        assertThat(jdbc.queryForObject("SELECT credit FROM loan WHERE loan_no = ?", BigDecimal.class, loanNo))
            .isEqualByComparingTo("50.00");
        assertThat(jdbc.queryForObject("SELECT amount FROM payment_allocation WHERE payment_ref = ? AND seq = 0"
            + " AND component = 'CREDIT'", BigDecimal.class, p + "R5b")).isEqualByComparingTo("50.00");
    }

    @Test
    void backDatedPaymentIsReallocatedInPaidOnOrder() {
        String loanNo = bookLoan("P6");
        postPayment(p + "LATE", loanNo, "2026-03-20", 100);
        postPayment(p + "EARLY", loanNo, "2026-02-10", 100);

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT payment_ref, seq FROM payment_allocation"
            + " WHERE loan_no = ? ORDER BY paid_on", loanNo);
        assertThat(rows).extracting(r -> r.get("PAYMENT_REF") != null ? r.get("PAYMENT_REF") : r.get("payment_ref"))
            .containsExactly(p + "EARLY", p + "LATE");
        assertThat(rows).extracting(r -> ((Number) (r.get("SEQ") != null ? r.get("SEQ") : r.get("seq"))).intValue())
            .containsExactly(1, 2);
    }

    @Test
    void paymentsInDateOrderKeepEarlierAllocationsAndPayAccruedPenaltyFirst() {
        String loanNo = bookLoan("P7");
        postPayment(p + "P7a", loanNo, "2026-02-20", 50);
        // the daily scan accrued penalty on the overdue rest of installment 1
        jdbc.update("UPDATE installment SET penalty_due = 5.00 WHERE loan_no = ? AND seq = 1", loanNo);
        postPayment(p + "P7b", loanNo, "2026-03-10", 60);

        List<String> rows = jdbc.queryForList("SELECT payment_ref, seq, component, amount FROM payment_allocation"
            + " WHERE loan_no = ? ORDER BY paid_on, seq, component", loanNo).stream()
            .map(r -> r.values().stream().map(v -> v instanceof BigDecimal b ? b.toPlainString() : String.valueOf(v))
                .reduce((x, y) -> x + " " + y).orElseThrow())
            .toList();
        assertThat(rows).containsExactly(p + "P7a 1 PRINCIPAL 50.00", p + "P7b 1 PENALTY 5.00",
            p + "P7b 1 PRINCIPAL 50.00", p + "P7b 2 PRINCIPAL 5.00");
        assertThat(jdbc.queryForObject("SELECT penalty_paid FROM installment WHERE loan_no = ? AND seq = 1",
            BigDecimal.class, loanNo)).isEqualByComparingTo("5.00");
    }

    @Test
    void paymentCsvIsIdempotentAndAllOrNothing() {
        String a = bookLoan("C1");
        String b = bookLoan("C2");
        String header = "channel,payment_ref,loan_no,paid_on,amount,comment\n";
        String good = header + "bank," + p + "X1," + a + ",2026-02-15,100.00,\"first, ok\"\n"
            + "bank," + p + "X2," + b + ",2026-02-16,50\n"
            + "bank," + p + "X1," + a + ",2026-02-15,100,same again\n";

        ResponseEntity<Map<String, Object>> first = upload("/api/payments/import", good);
        ResponseEntity<Map<String, Object>> second = upload("/api/payments/import", good);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody()).containsExactlyInAnyOrderEntriesOf(Map.of("posted", 2, "duplicates", 1));
        assertThat(second.getBody()).containsExactlyInAnyOrderEntriesOf(Map.of("posted", 0, "duplicates", 3));

        String bad = header + "bank," + p + "X3," + a + ",2026-03-15,100,\n"            // 1 fine
            + "bank," + p + "X1," + a + ",2026-02-15,99,\n"                              // 2 conflicts with stored X1
            + "bank," + p + "X4," + p + "NOPE,2026-03-15,10,\n"                          // 3 unknown loan
            + "bank," + p + "X5," + a + ",2026-02-31,10,\n"                              // 4 bad date
            + "bank," + p + "X6," + a + ",2026-03-15,0,\n"                               // 5 non-positive
            + "bank," + p + "X7," + a + ",2026-03-15,1.001,\n"                           // 6 > 2 decimals
            + "bank," + p + "X3," + a + ",2026-03-16,100,\n"                             // 7 conflicts with row 1
            + "," + p + "X8," + a + ",2026-03-15,1,\n";                                  // 8 blank channel
        ResponseEntity<Map<String, Object>> rejected = upload("/api/payments/import", bad);

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(rejected.getBody()).containsEntry("posted", 0);
        assertThat(rowColumns(rejected)).containsExactly("2:payment_ref", "3:loan_no", "4:paid_on", "5:amount",
            "6:amount", "7:payment_ref", "8:channel");
        assertThat(count("SELECT COUNT(*) FROM payment WHERE loan_no IN (?, ?)", a, b)).isEqualTo(2);
    }

    // ---- the documented example files -----------------------------------------------------------

    @Test
    void exampleFilesOfTheReadmeImport() throws IOException {
        byte[] loans = Files.readAllBytes(Path.of("src/test/resources/examples/loans.csv"));
        byte[] payments = Files.readAllBytes(Path.of("src/test/resources/examples/payments.csv"));

        assertThat(upload("/api/loans/import", loans).getBody()).containsEntry("imported", 4);
        assertThat(upload("/api/payments/import", payments).getBody())
            .containsAllEntriesOf(Map.of("posted", 4, "duplicates", 0));
        assertThat(count("SELECT COUNT(*) FROM borrower WHERE borrower_id LIKE 'EXB-%'")).isEqualTo(3);
        assertThat(view("EX-0004").getBody()).containsEntry("outstandingPrincipal", 1500.0);
    }
}
