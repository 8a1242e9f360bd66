package io.collectflow.security.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

import io.collectflow.loan.PlainDatabase;
import io.collectflow.security.pii.PiiReencryption.Outcome;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Rows written in clear (before V71 / V130) and rows under a retired key are brought under the active key, on
 * H2 and on a real PostgreSQL; a second run changes nothing; a row under an unknown key is reported and left.
 */
class PiiReencryptionTest {

    static final String K1 = "MTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTE=";
    static final String K2 = "MjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjI=";

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off").start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    static Stream<String> databases() {
        return Stream.of("h2", "postgres");
    }

    private static JdbcTemplate fresh(String database) {
        if (database.equals("h2")) {
            return PlainDatabase.h2().jdbc;
        }
        JdbcTemplate jdbc = new PlainDatabase(postgres.getPostgresDatabase()).jdbc;
        jdbc.update("DELETE FROM complaint");
        jdbc.update("DELETE FROM borrower_contact_change");
        jdbc.update("DELETE FROM borrower");
        return jdbc;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void clearRowsAreSealedOnceThenARotationMovesEveryRowToTheNewKey(String database) {
        JdbcTemplate jdbc = fresh(database);
        for (int i = 1; i <= 5; i++) {
            legacyBorrower(jdbc, "B" + i, "13800000" + i + "00", i == 3 ? null : "b" + i + "@example.com");
            legacyComplaint(jdbc, "CMP-" + i, "Complainant " + i, "13911111" + i + "11", i == 2 ? null : "c" + i + "@example.com");
        }
        PiiCipher k1 = new PiiCipher(Map.of("k1", K1), "k1");

        assertThat(new PiiReencryption(jdbc, k1, 2).run()).containsExactly(new Outcome("borrower", 5, 0),
            new Outcome("complaint", 5, 0), new Outcome("borrower_contact_change", 0, 0));
        assertRaw(jdbc, "k1:");
        assertThat(new PiiReencryption(jdbc, k1, 2).run()).as("idempotent").containsExactly(new Outcome("borrower", 0, 0),
            new Outcome("complaint", 0, 0), new Outcome("borrower_contact_change", 0, 0));
        // a later change of B1's phone keeps the old and the new number, sealed under k1
        BorrowerPii k1Pii = new BorrowerPii(k1);
        jdbc.update("INSERT INTO borrower_contact_change (change_id, borrower_id, changed_at, changed_by, source,"
            + " old_phone, new_phone) VALUES ('C1', 'B1', CURRENT_TIMESTAMP, 'collector1', 'SKIP_TRACE', ?, ?)",
            k1Pii.seal(BorrowerPii.PHONE, "13800000100"), k1Pii.seal(BorrowerPii.PHONE, "13900000100"));
        String once = jdbc.queryForObject("SELECT phone FROM borrower WHERE borrower_id = 'B1'", String.class);
        new PiiReencryption(jdbc, k1, 2).run();
        assertThat(jdbc.queryForObject("SELECT phone FROM borrower WHERE borrower_id = 'B1'", String.class)).isEqualTo(once);

        // rotation: k2 becomes active, k1 stays listed until the re-encryption ran
        PiiCipher rotated = new PiiCipher(Map.of("k1", K1, "k2", K2), "k2");
        assertThat(new PiiReencryption(jdbc, rotated, 2).run()).containsExactly(new Outcome("borrower", 5, 0),
            new Outcome("complaint", 5, 0), new Outcome("borrower_contact_change", 1, 0));
        assertRaw(jdbc, "k2:");
        // ... after which k1 can be retired: everything reads with k2 alone
        BorrowerPii k2Only = new BorrowerPii(new PiiCipher(Map.of("k2", K2), "k2"));
        ComplainantPii complainantK2Only = new ComplainantPii(new PiiCipher(Map.of("k2", K2), "k2"));
        Map<String, Object> change = jdbc.queryForMap("SELECT old_phone, new_phone, old_email FROM borrower_contact_change");
        assertThat(k2Only.open(BorrowerPii.PHONE, (String) change.get("old_phone"))).isEqualTo("13800000100");
        assertThat(k2Only.open(BorrowerPii.PHONE, (String) change.get("new_phone"))).isEqualTo("13900000100");
        assertThat(change.get("old_email")).as("a field that did not change stays empty").isNull();
        for (int i = 1; i <= 5; i++) {
            Map<String, Object> b = jdbc.queryForMap("SELECT id_number, phone, email, address FROM borrower WHERE borrower_id = ?", "B" + i);
            assertThat(k2Only.open(BorrowerPii.PHONE, (String) b.get("phone"))).isEqualTo("13800000" + i + "00");
            assertThat(k2Only.open(BorrowerPii.ID_NUMBER, (String) b.get("id_number"))).isEqualTo("31010119900101000" + i);
            assertThat(k2Only.open(BorrowerPii.EMAIL, (String) b.get("email"))).isEqualTo(i == 3 ? null : "b" + i + "@example.com");
            assertThat(k2Only.open(BorrowerPii.ADDRESS, (String) b.get("address"))).isEqualTo("上海市浦东新区世纪大道" + i + "号");
            Map<String, Object> c = jdbc.queryForMap("SELECT complainant_name, complainant_phone, complainant_email"
                + " FROM complaint WHERE complaint_no = ?", "CMP-" + i);
            assertThat(complainantK2Only.open(ComplainantPii.NAME, (String) c.get("complainant_name"))).isEqualTo("Complainant " + i);
            assertThat(complainantK2Only.open(ComplainantPii.PHONE, (String) c.get("complainant_phone"))).isEqualTo("13911111" + i + "11");
            assertThat(complainantK2Only.open(ComplainantPii.EMAIL, (String) c.get("complainant_email")))
                .isEqualTo(i == 2 ? null : "c" + i + "@example.com");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRowUnderAnUnknownKeyIsReportedAndLeftAsItIsTheOthersProceed(String database) {
        JdbcTemplate jdbc = fresh(database);
        PiiCipher lost = new PiiCipher(Map.of("lost", K1), "lost");
        legacyBorrower(jdbc, "B1", "13800000100", null);
        legacyBorrower(jdbc, "B2", lost.encrypt(BorrowerPii.PHONE, "13800000200"), null);
        legacyBorrower(jdbc, "B3", "13800000300", null);

        PiiCipher k2 = new PiiCipher(Map.of("k2", K2), "k2");
        assertThat(new PiiReencryption(jdbc, k2, 500).run().get(0)).isEqualTo(new Outcome("borrower", 2, 1));
        List<String> phones = jdbc.queryForList("SELECT phone FROM borrower ORDER BY borrower_id", String.class);
        assertThat(phones.get(0)).startsWith("k2:");
        assertThat(phones.get(1)).as("left for an operator to restore the key").startsWith("lost:");
        assertThat(phones.get(2)).startsWith("k2:");
        assertThat(jdbc.queryForObject("SELECT id_number FROM borrower WHERE borrower_id = 'B2'", String.class))
            .as("the row is all-or-nothing: its readable columns are not half-converted").isEqualTo("310101199001010002");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void keyIdsWithLikeWildcardsAreMatchedLiterally(String database) {
        JdbcTemplate jdbc = fresh(database);
        legacyBorrower(jdbc, "B1", "13800000100", null);
        PiiCipher odd = new PiiCipher(Map.of("k_1", K1), "k_1");
        assertThat(new PiiReencryption(jdbc, odd, 500).run().get(0)).isEqualTo(new Outcome("borrower", 1, 0));
        // "kx1:..." would match the unescaped pattern "k_1:%"; escaped, a value under another key is still found
        PiiCipher kx1 = new PiiCipher(Map.of("kx1", K2, "k_1", K1), "kx1");
        jdbc.update("UPDATE borrower SET phone = ?", kx1.encrypt(BorrowerPii.PHONE, "13800000100"));
        assertThat(new PiiReencryption(jdbc, odd, 500).run().get(0)).as("phone under kx1 re-encrypted")
            .isEqualTo(new Outcome("borrower", 0, 1));
        PiiCipher both = new PiiCipher(Map.of("kx1", K2, "k_1", K1), "k_1");
        assertThat(new PiiReencryption(jdbc, both, 500).run().get(0)).isEqualTo(new Outcome("borrower", 1, 0));
        assertThat(jdbc.queryForObject("SELECT phone FROM borrower", String.class)).startsWith("k_1:");
    }

    private static void assertRaw(JdbcTemplate jdbc, String prefix) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT id_number, phone, email, address FROM borrower");
        rows.addAll(jdbc.queryForList("SELECT complainant_name, complainant_phone, complainant_email FROM complaint"));
        assertThat(rows).hasSize(10).allSatisfy(row -> assertThat(row.values())
            .allSatisfy(v -> assertThat(v == null || ((String) v).startsWith(prefix)).as("%s", v).isTrue()));
        assertThat(rows.toString()).doesNotContain("13800000", "13911111", "example.com", "Complainant", "上海");
    }

    private static void legacyBorrower(JdbcTemplate jdbc, String id, String phone, String email) {
        jdbc.update("INSERT INTO borrower (borrower_id, name, id_number, phone, email, address, region, timezone, created_at)"
            + " VALUES (?, 'Legacy', ?, ?, ?, ?, 'CN-SH', 'Asia/Shanghai', CURRENT_TIMESTAMP)", id,
            "31010119900101000" + id.substring(1), phone, email, "上海市浦东新区世纪大道" + id.substring(1) + "号");
    }

    private static void legacyComplaint(JdbcTemplate jdbc, String no, String name, String phone, String email) {
        jdbc.update("INSERT INTO complaint (complaint_no, channel, received_at, complainant_name, complainant_phone,"
            + " complainant_email, complaint_text, status, acknowledge_by, resolve_by) VALUES (?, 'ONLINE', CURRENT_TIMESTAMP,"
            + " ?, ?, ?, 'Too many calls', 'RECEIVED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", no, name, phone, email);
    }
}
