package io.collectflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.collectflow.casework.CollectionCase;
import io.collectflow.casework.CollectionCase.Elements;
import io.collectflow.casework.CollectionCase.Stages;
import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.casework.stage.CaseFixtures;
import io.collectflow.complaint.ComplaintSubmission;
import io.collectflow.complaint.IntakeChannel;
import io.collectflow.complaint.process.ComplaintIntake;
import io.collectflow.complaint.process.ComplaintProcess;
import io.collectflow.security.authz.CaseAccess;
import io.collectflow.security.authz.StartupGrants;

/**
 * Who may do what, over real HTTP as each CONTRACT.md user: our API (role rules) and the engine REST API
 * (engine authorizations, the request running as the caller).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuthorizationMatrixTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    IdentityService identities;
    @Autowired
    StartupGrants grants;
    @Autowired
    RuntimeService runtime;
    @Autowired
    CaseAccess caseAccess;

    @Autowired
    ProcessEngine engine;
    @Autowired
    ComplaintIntake complaintIntake;

    private static final OffsetDateTime IN_CONTACT_WINDOW = OffsetDateTime.parse("2026-12-01T10:00:00+08:00");
    private static final String NO_ANSWER = "{\"variables\":{\"reached\":{\"value\":false},"
        + "\"callOutcome\":{\"value\":\"NO_ANSWER\"}}}";

    @Autowired
    JdbcTemplate jdbc;

    /** The test engine has a unique name, so the REST paths name it. */
    String rest;
    String loanNo;
    ProcessInstance collectionCase;

    @BeforeEach
    void usersAndCase() {
        SecurityTestUsers.ensure(identities, grants);
        rest = "/engine-rest/engine/" + engine.getName();
        // a Tuesday morning in the borrower's city: calling is allowed, so a completed call is accepted
        ClockUtil.setCurrentTime(Date.from(IN_CONTACT_WINDOW.toInstant()));
        collectionCase = caseAtTheCall();
        loanNo = collectionCase.getBusinessKey();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** A first-line case waiting at the collector's call task, for a loan on file. */
    private ProcessInstance caseAtTheCall() {
        String loan = new CaseFixtures(jdbc).loan(12, IN_CONTACT_WINDOW.toLocalDate());
        return runtime.createProcessInstanceByKey(CollectionCase.PROCESS_KEY).businessKey(loan)
            .setVariables(Map.of(Vars.LOAN_NO, loan, Vars.DPD, 12, Vars.BUCKET, "DPD_1_29", Vars.OVERDUE_AMOUNT, 1050.0,
                Vars.STAGE, Stages.FIRST_LINE, Vars.CURRENT_STAGE, Stages.FIRST_LINE, Vars.CANDIDATE_GROUP, "collectors-l1"))
            .startBeforeActivity(Elements.CALL_BORROWER).execute();
    }

    private HttpStatus status(String user, HttpMethod method, String path, HttpEntity<?> body) {
        TestRestTemplate http = user == null ? anonymous : SecurityTestUsers.as(anonymous, user);
        ResponseEntity<String> answer = http.exchange(path, method, body, String.class);
        if (answer.getStatusCode().value() == 400 || answer.getStatusCode().value() >= 500) {
            System.err.println(user + " " + method + " " + path + " -> " + answer.getStatusCode() + " " + answer.getBody());
        }
        return HttpStatus.valueOf(answer.getStatusCode().value());
    }

    private List<Map<String, Object>> list(String user, String path) {
        ResponseEntity<String> answer = SecurityTestUsers.as(anonymous, user).getForEntity(path, String.class);
        assertThat(answer.getStatusCode()).as("%s GET %s: %s", user, path, answer.getBody()).isEqualTo(HttpStatus.OK);
        try {
            return JSON.readValue(answer.getBody(), new TypeReference<List<Map<String, Object>>>() {
            });
        } catch (JsonProcessingException e) {
            throw new AssertionError(user + " GET " + path + ": " + answer.getBody(), e);
        }
    }

    private List<Map<String, Object>> tasksOfCase(String user) {
        return list(user, rest + "/task?processInstanceId=" + collectionCase.getId());
    }

    private List<Map<String, Object>> instancesOfCase(String user) {
        return list(user, rest + "/process-instance?businessKey=" + loanNo);
    }

    @Test
    void withoutLoginNothingButThePublicPartsAnswer() {
        assertThat(status(null, HttpMethod.GET, rest + "/task", null)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status(null, HttpMethod.GET, rest + "/process-instance", null)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status(null, HttpMethod.GET, "/api/loans/" + loanNo, null)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status(null, HttpMethod.GET, "/api/audit/verify", null)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status("collector1-wrong", HttpMethod.GET, "/api/loans/" + loanNo, null))
            .isEqualTo(HttpStatus.UNAUTHORIZED);
        // public: the complaint page and the complaint intake (an empty complaint is refused, not unauthorized)
        assertThat(status(null, HttpMethod.GET, "/complaint/", null)).isEqualTo(HttpStatus.OK);
        assertThat(status(null, HttpMethod.POST, "/api/complaints", json("{}"))).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Test
    void aComplainantsDataIsTheComplaintOfficersNotTheManagers() {
        String complaintNo = complaintIntake.submit(new ComplaintSubmission(IntakeChannel.ONLINE, "Wei Zhang",
            "+86 138 0000 1111", "wei@example.cn", loanNo, null, "The collector called me five times yesterday.", null))
            .complaintNo();
        String variables = rest + "/variable-instance?variableName=" + ComplaintProcess.Vars.COMPLAINANT_NAME;

        assertThat(list("complaints1", variables)).extracting(v -> v.get("value")).contains("Wei Zhang");
        assertThat(list("manager1", variables)).as("no complaint instance is the manager's to read").isEmpty();
        assertThat(list("manager1", rest + "/process-instance?businessKey=" + complaintNo)).isEmpty();
        assertThat(list("manager1", rest + "/history/variable-instance?variableName="
            + ComplaintProcess.Vars.COMPLAINANT_NAME)).isEmpty();
    }

    @Test
    void collectionTasksAndCasesAreSeenByTheirGroupsOnly() {
        assertThat(tasksOfCase("collector1")).hasSize(1);
        assertThat(tasksOfCase("demo")).hasSize(1);
        assertThat(tasksOfCase("collector2")).isEmpty();
        assertThat(tasksOfCase("complaints1")).isEmpty();
        assertThat(tasksOfCase("agency1")).isEmpty();
        assertThat(tasksOfCase("manager1")).as("a call is no manager's to claim: not in their Tasklist").isEmpty();

        assertThat(instancesOfCase("collector1")).hasSize(1);
        assertThat(instancesOfCase("legal1")).hasSize(1);
        assertThat(instancesOfCase("manager1")).hasSize(1);
        assertThat(instancesOfCase("complaints1")).isEmpty();
        assertThat(instancesOfCase("agency1")).isEmpty();
    }

    @Test
    void collectorsCompleteTheirTasksButAgenciesCannotTouchThem() {
        String taskId = (String) tasksOfCase("collector1").get(0).get("id");
        String complete = rest + "/task/" + taskId + "/complete";
        assertThat(status("agency1", HttpMethod.POST, complete, json("{}"))).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("collector2", HttpMethod.POST, complete, json("{}"))).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tasksOfCase("demo")).hasSize(1);
        assertThat(status("collector1", HttpMethod.POST, complete, json(NO_ANSWER))).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(tasksOfCase("demo")).extracting(t -> t.get("id")).doesNotContain(taskId);
    }

    @Test
    void anAgencySeesExactlyTheCasesPlacedWithIt() {
        ProcessInstance other = caseAtTheCall();
        caseAccess.grantCaseToGroup(collectionCase.getId(), "agency-acme");

        assertThat(instancesOfCase("agency1")).extracting(i -> i.get("id")).containsExactly(collectionCase.getId());
        assertThat(tasksOfCase("agency1")).hasSize(1);
        assertThat(list("agency1", rest + "/process-instance?businessKey=" + other.getBusinessKey())).isEmpty();
        assertThat(list("agency1", rest + "/task?processInstanceId=" + other.getId())).isEmpty();
        assertThat(list("agency1", rest + "/process-instance")).extracting(i -> i.get("id"))
            .containsExactly(collectionCase.getId());
    }

    @Test
    void onlyComplaintOfficersStartComplaints() {
        String start = rest + "/process-definition/key/complaint/start";
        HttpEntity<String> hotline = json("{\"variables\":{\"complainantName\":{\"value\":\"Wang\"}}}");
        assertThat(status("complaints1", HttpMethod.POST, start, hotline)).isEqualTo(HttpStatus.OK);
        assertThat(status("demo", HttpMethod.POST, start, hotline)).isEqualTo(HttpStatus.OK);
        long started = runtime.createProcessInstanceQuery().processDefinitionKey("complaint").count();
        // denied: either forbidden or, where the definition itself is not readable, not even found
        for (String user : List.of("collector1", "collector2", "legal1", "agency1", "manager1")) {
            assertThat(status(user, HttpMethod.POST, start, hotline)).as(user)
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        }
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("complaint").count()).isEqualTo(started);
    }

    @Test
    void onlyAdministratorsDeploy() {
        for (String user : List.of("collector1", "manager1", "legal1", "complaints1", "agency1")) {
            assertThat(status(user, HttpMethod.POST, rest + "/deployment/create", deployment()))
                .as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(status("demo", HttpMethod.POST, rest + "/deployment/create", deployment()))
            .isEqualTo(HttpStatus.OK);
    }

    @Test
    void ourApiChecksRoles() {
        String view = "/api/loans/NO-SUCH-LOAN";
        for (String user : List.of("demo", "collector1", "collector2", "manager1", "legal1", "complaints1")) {
            assertThat(status(user, HttpMethod.GET, view, null)).as(user).isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(status("agency1", HttpMethod.GET, view, null)).isEqualTo(HttpStatus.FORBIDDEN);

        HttpEntity<String> emptyCsv = csv("payment_ref,loan_no,paid_on,amount,channel\n");
        for (String user : List.of("collector1", "collector2", "legal1", "complaints1", "agency1")) {
            assertThat(status(user, HttpMethod.POST, "/api/payments/import", emptyCsv)).as(user)
                .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(status(user, HttpMethod.POST, "/api/loans/import", emptyCsv)).as(user)
                .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(status("manager1", HttpMethod.POST, "/api/payments/import", emptyCsv)).isEqualTo(HttpStatus.OK);

        for (String user : List.of("collector1", "manager1", "legal1", "complaints1", "agency1")) {
            assertThat(status(user, HttpMethod.GET, "/api/audit/verify", null)).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        for (String user : List.of("collector1", "legal1", "complaints1", "agency1")) {
            assertThat(status(user, HttpMethod.GET, "/api/audit/export", null)).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    static HttpEntity<String> csv(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
        return new HttpEntity<>(body, headers);
    }

    private static HttpEntity<MultiValueMap<String, Object>> deployment() {
        String bpmn = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
              <process id="authz-probe" isExecutable="true" camunda:historyTimeToLive="P1D">
                <startEvent id="StartEvent_Probe"/>
              </process>
            </definitions>
            """;
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "authz-probe-" + UUID.randomUUID());
        parts.add("data", new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "authz-probe.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(parts, headers);
    }
}
