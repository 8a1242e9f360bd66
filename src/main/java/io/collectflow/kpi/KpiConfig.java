package io.collectflow.kpi;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.collectflow.loan.LenderCalendar;

/** Wires the KPI computation (plain classes) with the database, the engine's history and the settings. */
@Configuration
public class KpiConfig {

    @Bean
    Buckets kpiBuckets(@Value("${collectflow.delinquency.bucket-bounds:1,30,60,90,180,360}") List<Integer> bounds) {
        return new Buckets(bounds);
    }

    @Bean
    SchemaProbe kpiSchemaProbe(DataSource dataSource) {
        return new SchemaProbe(dataSource);
    }

    /** Replace with the complaint feature's own bean when it lands. */
    @Bean
    @ConditionalOnMissingBean
    ComplaintCounter complaintCounter(JdbcClient jdbc, SchemaProbe schema) {
        return new TableComplaintCounter(jdbc, schema);
    }

    @Bean
    @ConditionalOnMissingBean
    StaffTime staffTime(HistoryService historyService, LenderCalendar calendar) {
        return new CamundaStaffTime(historyService, calendar.zone());
    }

    @Bean
    OperationsQueries kpiOperationsQueries(JdbcClient jdbc, SchemaProbe schema, StaffTime staffTime,
            ComplaintCounter complaints, AgencyFees fees, KpiProperties properties) {
        return new OperationsQueries(jdbc, schema, staffTime, complaints, fees, properties);
    }

    @Bean
    @ConditionalOnMissingBean
    Teams kpiTeams(IdentityService identityService,
            @Value("${collectflow.kpi.team-group-prefix:collectors-}") String teamGroupPrefix) {
        return new CamundaTeams(identityService, teamGroupPrefix);
    }

    @Bean
    KpiCalculator kpiCalculator(JdbcClient jdbc, Buckets buckets, OperationsQueries operations, KpiProperties properties,
            Teams teams, @Value("${collectflow.delinquency.tolerance:0.00}") BigDecimal tolerance) {
        return new KpiCalculator(new PortfolioQueries(jdbc, buckets, tolerance), new CaseQueries(jdbc), operations,
            buckets, new KpiTargets(properties.targets()), teams);
    }

    @Bean
    KpiReportService kpiReportService(KpiSnapshotService snapshots, OperationsQueries operations,
            LenderCalendar calendar) {
        return new KpiReportService(snapshots, operations, calendar);
    }

    @Bean
    ScorecardService scorecardService(JdbcClient jdbc, SchemaProbe schema, StaffTime staffTime, KpiProperties properties) {
        return new ScorecardService(jdbc, schema, staffTime, properties);
    }

    @Bean
    CaseStageRecorder caseStageRecorder(JdbcClient jdbc) {
        return new CaseStageRecorder(jdbc);
    }

    /** Picked up by the Camunda starter like every ProcessEnginePlugin bean. */
    @Bean
    CaseStagePlugin caseStagePlugin(CaseStageRecorder recorder) {
        return new CaseStagePlugin(recorder);
    }

    @Bean
    KpiSnapshotService kpiSnapshotService(KpiCalculator calculator, ScorecardService scorecards, JdbcClient jdbc,
            PlatformTransactionManager tm, ObjectMapper json, Clock clock, LenderCalendar calendar) {
        return new KpiSnapshotService(calculator, scorecards, jdbc, new TransactionTemplate(tm), json, clock,
            calendar);
    }
}
