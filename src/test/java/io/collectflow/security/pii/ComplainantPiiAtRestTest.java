package io.collectflow.security.pii;

import static io.collectflow.web.JsonTypes.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.collectflow.casework.stage.Jobs;
import io.collectflow.complaint.Complaint;
import io.collectflow.complaint.ComplaintService;
import io.collectflow.complaint.ComplaintSubmission;
import io.collectflow.complaint.IntakeChannel;
import io.collectflow.complaint.process.ComplaintProcess;
import io.collectflow.complaint.process.ComplaintProcess.Vars;
import io.collectflow.security.SecurityTestUsers;
import io.collectflow.security.authz.StartupGrants;

/**
 * The complainant's name, phone and e-mail land encrypted in the complaint table (read raw), are read back in
 * clear by the complaint loop, are masked per role over HTTP (audited), leave no process variable behind, and
 * rows stored in clear before V130 are sealed by the re-encryption.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ComplainantPiiAtRestTest {

    @Autowired TestRestTemplate anonymous;
    @Autowired JdbcTemplate jdbc;
    @Autowired IdentityService identities;
    @Autowired StartupGrants grants;
    @Autowired ComplaintService complaints;
    @Autowired PiiReencryption reencryption;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired HistoryService history;

    String phone;
    Complaint complaint;

    @BeforeEach
    void receiveOne() {
        SecurityTestUsers.ensure(identities, grants);
        phone = "139" + String.format("%08d", Math.abs(UUID.randomUUID().hashCode()) % 100_000_000);
        complaint = complaints.receive(new ComplaintSubmission(IntakeChannel.ONLINE, "Zhao Xiaoming", phone,
            "zhao.xm@example.org", null, "harassment", "They called me at midnight, three nights in a row.", null));
    }

    private Map<String, Object> raw(String complaintNo) {
        return jdbc.queryForMap("SELECT complainant_name, complainant_phone, complainant_email FROM complaint"
            + " WHERE complaint_no = ?", complaintNo);
    }

    @Test
    void theRawTableHoldsNoPlaintextAndTheLoopReadsItBack() {
        Map<String, Object> row = raw(complaint.complaintNo());
        assertThat(row.values().toString()).doesNotContain("Zhao", "Xiaoming", phone, phone.substring(3), "zhao.xm", "example.org");
        assertThat(row.values()).allSatisfy(v -> assertThat((String) v).startsWith("demo:"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM complaint WHERE complainant_phone = ?", Integer.class, phone)).isZero();

        Complaint read = complaints.get(complaint.complaintNo());
        assertThat(read.complainantName()).isEqualTo("Zhao Xiaoming");
        assertThat(read.complainantPhone()).isEqualTo(phone);
        assertThat(read.complainantEmail()).isEqualTo("zhao.xm@example.org");
    }

    @Test
    void complaintOfficersSeeTheComplainantOtherStaffMaskedAgenciesNothing() {
        String path = "/api/complaints/" + complaint.complaintNo() + "/complainant";
        Map<String, Object> full = anonymous.withBasicAuth("complaints1", "complaints1")
            .exchange(path, HttpMethod.GET, null, JSON).getBody();
        assertThat(full).containsEntry("name", "Zhao Xiaoming").containsEntry("phone", phone)
            .containsEntry("email", "zhao.xm@example.org").containsEntry("masked", false);
        for (String user : new String[] {"manager1", "collector1"}) {
            Map<String, Object> masked = anonymous.withBasicAuth(user, user).exchange(path, HttpMethod.GET, null, JSON).getBody();
            assertThat(masked).as(user).containsEntry("name", "Z*** X*******")
                .containsEntry("phone", "139****" + phone.substring(7)).containsEntry("email", "z***@example.org")
                .containsEntry("masked", true);
        }
        assertThat(anonymous.withBasicAuth("agency1", "agency1").getForEntity(path, String.class).getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(anonymous.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.withBasicAuth("complaints1", "complaints1")
            .getForEntity("/api/complaints/CMP-NOSUCH/complainant", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jdbc.queryForList("SELECT actor || '/' || details FROM audit_event WHERE action = 'COMPLAINANT_VIEW'"
            + " AND subject_id = ? ORDER BY id", String.class, complaint.complaintNo()))
            .containsExactly("complaints1/full", "manager1/masked", "collector1/masked");
    }

    @Test
    void aHotlineComplaintKeepsNoPhoneOrEmailInProcessVariables() {
        ProcessInstance pi = runtime.startProcessInstanceByKey(ComplaintProcess.PROCESS_KEY, Map.of(
            Vars.COMPLAINANT_NAME, "Qian Hotline", Vars.COMPLAINANT_PHONE, "13800138009",
            Vars.COMPLAINANT_EMAIL, "qian@example.net", Vars.CATEGORY, "fee_dispute", Vars.COMPLAINT_TEXT, "Charged twice"));
        Jobs.runAllOf(management, pi.getId());
        String complaintNo = (String) runtime.getVariable(pi.getId(), Vars.COMPLAINT_ID);
        assertThat(complaintNo).startsWith("CMP-");
        assertThat(runtime.getVariables(pi.getId())).doesNotContainKeys(Vars.COMPLAINANT_PHONE, Vars.COMPLAINANT_EMAIL);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list())
            .as("the engine's history never saw the contact data").isNotEmpty()
            .noneMatch(v -> v.getName().equals(Vars.COMPLAINANT_PHONE) || v.getName().equals(Vars.COMPLAINANT_EMAIL));
        assertThat(history.createHistoricDetailQuery().processInstanceId(pi.getId()).variableUpdates().list())
            .isNotEmpty().noneMatch(d -> String.valueOf(((org.camunda.bpm.engine.history.HistoricVariableUpdate) d)
                .getValue()).matches(".*(13800138009|qian@example\\.net).*"));
        assertThat(raw(complaintNo).values().toString()).doesNotContain("13800138009", "qian@");
        assertThat(complaints.get(complaintNo).complainantPhone()).isEqualTo("13800138009");
        runtime.deleteProcessInstance(pi.getId(), "test done");
    }

    @Test
    void complaintsStoredInClearBeforeV130AreSealedByTheReencryption() {
        jdbc.update("UPDATE complaint SET complainant_name = 'Legacy Name', complainant_phone = '13700000000',"
            + " complainant_email = NULL WHERE complaint_no = ?", complaint.complaintNo());
        assertThat(reencryption.run()).anySatisfy(o -> assertThat(o.table().equals("complaint") && o.resealed() >= 1).isTrue());
        assertThat(raw(complaint.complaintNo()).values().toString()).doesNotContain("Legacy", "13700000000");
        assertThat(complaints.get(complaint.complaintNo()).complainantName()).isEqualTo("Legacy Name");
        assertThat(reencryption.run()).allSatisfy(o -> assertThat(o.resealed()).isZero());
    }
}
