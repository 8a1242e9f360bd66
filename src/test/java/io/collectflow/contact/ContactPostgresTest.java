package io.collectflow.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import io.collectflow.contact.channel.OutboxChannel;
import io.collectflow.contact.compliance.BorrowerDirectory;
import io.collectflow.contact.compliance.BorrowerFlag;
import io.collectflow.contact.compliance.BorrowerFlagService;
import io.collectflow.contact.compliance.ComplianceGuard;
import io.collectflow.contact.compliance.ComplianceProperties;
import io.collectflow.contact.compliance.ComplianceService;
import io.collectflow.contact.compliance.RecordedVerdict;
import io.collectflow.contact.compliance.ReasonCode;
import io.collectflow.contact.compliance.VerdictStore;
import io.collectflow.contact.compliance.WorkdayCalendar;
import io.collectflow.contact.log.ContactLog;
import io.collectflow.contact.log.ContactLogEntry;
import io.collectflow.contact.log.SmsDeliveryStatus;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The contact tables (V30-V33) and their queries on real PostgreSQL. */
class ContactPostgresTest {

    private static EmbeddedPostgres postgres;
    private static JdbcClient jdbc;
    private static DataSource dataSource;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T02:00:00Z"), ZoneOffset.UTC);

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void verdictsFlagsContactLogOutboxAndDeliveryReportsWorkOnPostgres() {
        ContactTestData.overdueLoan(jdbc, "PG-1", "CN-SH", "Asia/Shanghai", "pg@example.com");
        DataSourceTransactionManager tx = new DataSourceTransactionManager(dataSource);
        ContactLog log = new ContactLog(jdbc, CLOCK);
        BorrowerDirectory directory = new BorrowerDirectory(jdbc);
        ComplianceService compliance = new ComplianceService(directory,
            new ComplianceGuard(new ComplianceProperties(), new WorkdayCalendar(), log), new VerdictStore(jdbc, CLOCK, tx), CLOCK);
        Instant tuesday10 = OffsetDateTime.parse("2026-03-10T10:00:00+08:00").toInstant();

        RecordedVerdict first = compliance.check("PG-1", Channel.SMS, Operator.SYSTEM, tuesday10);
        assertThat(first.verdict().allowed()).isTrue();
        log.append(new ContactLogEntry(null, tuesday10, "PG-1", "B-PG-1", Channel.SMS, "REMINDER_30", "REMINDER_30/zh-CN/a",
            1, "ab".repeat(32), "SENT", Operator.SYSTEM, first.id(), null, "msg-1"));
        log.append(new ContactLogEntry(null, tuesday10, "PG-1", "B-PG-1", Channel.CALL, null, null, null, null, "FAILED",
            Operator.agency("agency1"), first.id(), "line dead", null));
        assertThat(log.attempts("B-PG-1", EnumSet.of(Channel.SMS, Channel.CALL), tuesday10.minusSeconds(60), tuesday10))
            .hasSize(1);
        assertThat(log.lastTemplateId("B-PG-1", "REMINDER_30", "zh-CN")).isEqualTo("REMINDER_30/zh-CN/a");
        assertThat(log.forLoan("PG-1")).extracting(ContactLogEntry::result).containsExactly("SENT", "FAILED");

        RecordedVerdict second = compliance.check("PG-1", Channel.SMS, Operator.SYSTEM, tuesday10.plusSeconds(60));
        assertThat(second.verdict().reasons()).containsExactly(ReasonCode.FREQUENCY_CAP);
        assertThat(jdbc.sql("SELECT next_allowed_at FROM compliance_verdict WHERE id = :id").param("id", second.id())
            .query(String.class).single()).isEqualTo("2026-03-11T09:00+08:00");

        BorrowerFlagService flags = new BorrowerFlagService(jdbc, directory, CLOCK);
        assertThat(flags.setDeceased("B-PG-1", "legal1", "death certificate")).isTrue();
        assertThat(flags.setDeceased("B-PG-1", "legal1", "again")).isFalse();
        assertThat(compliance.check("PG-1", Channel.EMAIL, Operator.SYSTEM, tuesday10).verdict().reasons())
            .containsExactly(ReasonCode.DECEASED);
        assertThat(flags.clear("B-PG-1", BorrowerFlag.DECEASED, "legal1", "recorded in error")).isTrue();

        SmsDeliveryStatus status = new SmsDeliveryStatus(jdbc, CLOCK);
        assertThat(status.report("msg-1", "delivered", "ok")).isTrue();
        assertThat(status.report("msg-unknown", "delivered", null)).isFalse();
        assertThat(status.latest("msg-1")).isEqualTo("DELIVERED");

        OutboxChannel outbox = new OutboxChannel(jdbc, CLOCK);
        outbox.send(new io.collectflow.contact.template.RenderedMessage("PG-1", "B-PG-1", Channel.SMS, "REMINDER_30",
            "REMINDER_30/zh-CN/b", 1, "zh-CN", "+8613800138000", null, "text", "https://pay/PG-1", "ab".repeat(32)), "ref-1");
        assertThat(outbox.recent(null, 10)).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("text"));
        assertThat(outbox.recent("PG-1", 10)).hasSize(1);
        assertThat(outbox.recent("PG-2", 10)).isEmpty();
    }
}
