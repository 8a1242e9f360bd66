package io.collectflow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

import io.collectflow.CollectFlowApplication;
import io.collectflow.casework.CollectionCase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The prod profile on a real PostgreSQL: Flyway creates Camunda's tables with the engine jar's
 * own scripts (schema-update is off), the application starts, deploys its models and serves
 * health and metrics; a restart changes nothing; a database left by the previous Camunda version
 * is upgraded; the Camunda metrics follow the engine's state; profile json-logs logs JSON.
 * Every application context is closed before the database stops.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProdProfilePostgresTest {

    private static final Path PREVIOUS_CREATE_SCRIPTS =
        Path.of("target", "camunda-previous-schema", "org", "camunda", "bpm", "engine", "db", "create");
    private static final String OPS_USER = "opsmonitor";

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().start();
        JdbcTemplate admin = new JdbcTemplate(postgres.getPostgresDatabase());
        admin.execute("create database fresh");
        admin.execute("create database previous");
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void createsTheEngineSchemaWithFlywayStartsAndRestartsAsANoOp(CapturedOutput output) throws Exception {
        String url = postgres.getJdbcUrl("postgres", "fresh");
        JdbcTemplate db = new JdbcTemplate(new SingleConnectionDataSource(url, "postgres", "postgres", true));

        try (ConfigurableApplicationContext app = startProd(url)) {
            assertThat(migrations(db)).contains("40|Camunda engine schema (create scripts of the engine jar)|true",
                "41|Camunda engine schema upgrade to the engine jar's version|true");
            assertThat(db.queryForList("select VERSION_ from ACT_GE_SCHEMA_LOG", String.class)).containsExactly("7.24.0");
            assertThat(app.getBean(RepositoryService.class).createProcessDefinitionQuery()
                .processDefinitionKey(CollectionCase.PROCESS_KEY).count()).isEqualTo(1);

            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            createOpsUser(app.getBean(IdentityService.class));
            assertThat(get(port, "/actuator/health/readiness", null).body()).contains("\"status\":\"UP\"");
            assertThat(get(port, "/actuator/health/liveness", null).body()).contains("\"status\":\"UP\"");
            assertThat(get(port, "/actuator/prometheus", null).statusCode()).isEqualTo(401);
            assertThat(get(port, "/actuator/prometheus", OPS_USER).body())
                .contains("camunda_incidents_open_incidents{application=\"collectflow\",type=\"failedJob\"} 0.0")
                .contains("camunda_process_instances_active_instances{application=\"collectflow\"} 0.0");

            startProbeWithIncident(app);
            assertThat(get(port, "/actuator/prometheus", OPS_USER).body())
                .contains("camunda_incidents_open_incidents{application=\"collectflow\",type=\"failedJob\"} 1.0")
                .contains("camunda_process_instances_active_instances{application=\"collectflow\"} 1.0")
                .contains("camunda_user_tasks_open_tasks{application=\"collectflow\"} 1.0")
                // Camunda's history cleanup job is due inside its batch window (01:00-05:00), so 0 or 1 by the clock
                .containsPattern("camunda_jobs_due_jobs\\{application=\"collectflow\"\\} [01]\\.0")
                .contains("camunda_jobs_executed_jobs_total{application=\"collectflow\"}");
        }
        List<String> firstRun = migrations(db);
        long deployments = db.queryForObject("select count(*) from ACT_RE_DEPLOYMENT", Long.class);

        try (ConfigurableApplicationContext app = startProd(url, "json-logs")) {
            assertThat(output.getOut()).containsPattern("(?m)^\\{\"@timestamp\":.*\"service\":\\{\"name\":\"collectflow\"");
            assertThat(migrations(db)).isEqualTo(firstRun);
            assertThat(db.queryForObject("select count(*) from ACT_RE_DEPLOYMENT", Long.class)).isEqualTo(deployments);
            assertThat(db.queryForObject("select count(*) from ACT_RE_PROCDEF", Long.class))
                .isEqualTo(app.getBean(RepositoryService.class).createProcessDefinitionQuery().count());
        }
    }

    @Test
    void upgradesTheSchemaOfThePreviousCamundaVersion() throws Exception {
        String url = postgres.getJdbcUrl("postgres", "previous");
        JdbcTemplate db = new JdbcTemplate(new SingleConnectionDataSource(url, "postgres", "postgres", true));
        // the previous release: our first migration, Camunda's tables created by the previous engine
        Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration").target("1")
            .load().migrate();
        applyPreviousCreateScripts(db.getDataSource());
        String previous = db.queryForObject("select max(VERSION_) from ACT_GE_SCHEMA_LOG", String.class);
        assertThat(previous).startsWith("7.23");

        try (ConfigurableApplicationContext app = startProd(url)) {
            assertThat(db.queryForList("select VERSION_ from ACT_GE_SCHEMA_LOG order by ID_", String.class))
                .containsExactly(previous, "7.24.0");
            assertThat(migrations(db)).contains("40|Camunda engine schema (create scripts of the engine jar)|true",
                "41|Camunda engine schema upgrade to the engine jar's version|true");
            assertThat(app.getBean(RepositoryService.class).createProcessDefinitionQuery()
                .processDefinitionKey(CollectionCase.PROCESS_KEY).count()).isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext startProd(String url, String... moreProfiles) {
        List<String> profiles = new ArrayList<>(List.of("prod"));
        profiles.addAll(List.of(moreProfiles));
        // command-line arguments: they override the profile files (builder properties would not)
        Map<String, String> settings = new java.util.HashMap<>(Map.of(
            "DB_URL", url,
            "DB_USER", "postgres",
            "DB_PASSWORD", "postgres",
            "DB_POOL_SIZE", "5",
            "server.port", "0",
            "camunda.bpm.job-execution.enabled", "false",
            "camunda.bpm.generate-unique-process-engine-name", "true",
            "camunda.bpm.generate-unique-process-application-name", "true",
            "collectflow.delinquency.scan-cron", "-",
            "collectflow.ops.metrics.refresh", "0s"));
        settings.put("collectflow.security.pii.keys.k1", "cHJvZC10ZXN0LWtleS0zMi1ieXRlcy1sb25nLi4uLi4=");
        return new SpringApplicationBuilder(CollectFlowApplication.class)
            .profiles(profiles.toArray(String[]::new))
            .run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private static List<String> migrations(JdbcTemplate db) {
        return db.queryForList("select version || '|' || description || '|' || success from flyway_schema_history"
            + " where version is not null order by installed_rank", String.class);
    }

    private static void applyPreviousCreateScripts(DataSource dataSource) throws IOException, SQLException {
        assertThat(PREVIOUS_CREATE_SCRIPTS).as("unpacked by maven-dependency-plugin (generate-test-resources)")
            .isDirectory();
        try (Connection connection = dataSource.getConnection()) {
            for (String component : List.of("engine", "history", "identity", "case.engine", "case.history",
                    "decision.engine", "decision.history")) {
                Path script = PREVIOUS_CREATE_SCRIPTS.resolve("activiti.postgres.create." + component + ".sql");
                assertThat(Files.exists(script)).as(script.toString()).isTrue();
                ScriptUtils.executeSqlScript(connection, new FileSystemResource(script));
            }
        }
    }

    /** a one-task probe process (not a CollectFlow model) with an incident on its instance */
    private static void startProbeWithIncident(ConfigurableApplicationContext app) {
        app.getBean(RepositoryService.class).createDeployment().name("ops-probe")
            .addModelInstance("ops-probe.bpmn", Bpmn.createExecutableProcess("ops-probe")
                .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Probe").endEvent().done())
            .deploy();
        RuntimeService runtime = app.getBean(RuntimeService.class);
        String instanceId = runtime.startProcessInstanceByKey("ops-probe").getId();
        runtime.createIncident("failedJob", instanceId, "probe", "simulated failure");
    }

    private static void createOpsUser(IdentityService identityService) {
        User user = identityService.newUser(OPS_USER);
        user.setPassword(OPS_USER);
        identityService.saveUser(user);
    }

    private static HttpResponse<String> get(int port, String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            String credentials = user + ":" + user;
            request.header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
