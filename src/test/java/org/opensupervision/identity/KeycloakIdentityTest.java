package org.opensupervision.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.opensupervision.handling.CaseDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code keycloak} profile against a real Keycloak ({@link KeycloakTestServer}, realm
 * {@code keycloak/realm-export.json}): Camunda's identity service reads Keycloak's users and groups, the APIs take
 * Keycloak tokens (staff: password grant; the departments' systems: client-credentials grant), and the webapps log in
 * and out through Keycloak over real HTTP, as a browser would.
 */
@Tag("keycloak")
@ActiveProfiles({"test", "keycloak"})
class KeycloakIdentityTest extends IntegrationTest {

    private static final KeycloakTestServer KEYCLOAK = KeycloakTestServer.started();

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("supervision.keycloak.url", KEYCLOAK::url);
    }

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;
    @Autowired
    CaseDriver cases;
    @Autowired
    ObjectMapper json;

    // Generous timeouts: the first token the application sees makes it fetch Keycloak's keys, on two busy cores.
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void camundaListsKeycloaksUsersAndGroups() {
        assertThat(identity.isReadOnly()).isTrue();
        User handler = identity.createUserQuery().userId("handler-gd-amr").singleResult();
        assertThat(handler).isNotNull();
        assertThat(handler.getEmail()).isEqualTo("handler-gd-amr@example.gov.cn");
        assertThat(identity.createGroupQuery().groupMember("handler-gd-amr").list()).extracting(Group::getId)
                .containsExactly("dept-gd-amr");
        assertThat(identity.createGroupQuery().groupMember("demo").list()).extracting(Group::getId)
                .containsExactlyInAnyOrder("camunda-admin", "supervision-office");
        assertThat(identity.createGroupQuery().list()).extracting(Group::getId)
                .contains("supervision-office", "discipline-inspection", "discipline-head", "evaluation-office",
                        "camunda-admin", "dept-gd-drc", "dept-gd-amr", "dept-gd-sdma");
        // Overdue disciplinary steps are offered to the head of discipline inspection: the realm must have them.
        assertThat(identity.createUserQuery().memberOfGroup("discipline-head").list()).extracting(User::getId)
                .containsExactly("discipline-head");
        assertThat(identity.createUserQuery().memberOfGroup("supervision-office").list()).extracting(User::getId)
                .containsExactlyInAnyOrder("demo", "supervisor", "supervision-head");
        // The office's own overdue steps escalate to its head (as DemoIdentity on the embedded default).
        assertThat(identity.createGroupQuery().groupMember("supervision-head").list()).extracting(Group::getId)
                .containsExactlyInAnyOrder("supervision-head", "supervision-office");
        assertThat(identity.createGroupQuery().groupId("approval-systems").count()).isEqualTo(1);
    }

    @Test
    void aDepartmentsSystemSendsItsOwnEventsWithAClientCredentialsToken() throws Exception {
        String token = clientToken("system-gd-amr");
        String caseId = "KC" + System.nanoTime() % 1_000_000_000L;
        String occurredAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).truncatedTo(ChronoUnit.SECONDS)
                .toString();
        String batch = """
                {"events": [
                  {"eventId": "%1$s-1", "caseId": "%1$s", "itemCode": "GD-AMR-005", "departmentCode": "GD-AMR",
                   "type": "SUBMITTED", "occurredAt": "%2$s", "channel": "ONLINE"},
                  {"eventId": "%1$s-2", "caseId": "%1$s-DRC", "itemCode": "GD-DRC-001", "departmentCode": "GD-DRC",
                   "type": "SUBMITTED", "occurredAt": "%2$s", "channel": "ONLINE"}
                ]}""".formatted(caseId, occurredAt);

        HttpResponse<String> response = post("/api/approval-events", token, batch);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.path("accepted").asInt()).isEqualTo(1);
        assertThat(answer.path("rejected")).hasSize(1);
        assertThat(answer.path("rejected").get(0).path("index").asInt()).isEqualTo(1);
        assertThat(answer.path("rejected").get(0).path("code").asText()).isEqualTo("WRONG_DEPARTMENT");
        assertThat(get("/api/approval-items?department=GD-AMR", token).statusCode()).isEqualTo(200);
    }

    @Test
    void aDepartmentsSystemIsNoMemberOfStaff() throws Exception {
        String token = clientToken("system-gd-amr");
        assertThat(get("/api/approval-cases", token).statusCode()).isEqualTo(403);
        assertThat(get("/api/complaints", token).statusCode()).isEqualTo(403);
        assertThat(get("/engine-rest/task", token).statusCode()).isEqualTo(403);
    }

    @Test
    void staffCannotSendApprovalEvents() throws Exception {
        HttpResponse<String> response = post("/api/approval-events", token("handler-gd-amr"), "{\"events\": []}");
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void aDepartmentHandlerWithATokenReachesTheirOwnDepartmentsComplaintAndTaskOnly() throws Exception {
        String amr = cases.fileAndRoute("GD-AMR", "SLOW_ACTION", "keycloak-own@example.com");
        String edu = cases.fileAndRoute("GD-EDU", "SLOW_ACTION", "keycloak-other@example.com");
        String token = token("handler-gd-amr");

        HttpResponse<String> complaint = get("/api/complaints/" + amr, token);
        assertThat(complaint.statusCode()).isEqualTo(200);
        assertThat(json.readTree(complaint.body()).path("trackingNumber").asText()).isEqualTo(amr);

        Task firstFeedback = departmentTask(amr);
        HttpResponse<String> task = get("/engine-rest/task/" + firstFeedback.getId(), token);
        assertThat(task.statusCode()).isEqualTo(200);
        assertThat(json.readTree(task.body()).path("name").asText()).isEqualTo(firstFeedback.getName());

        // Another department's case: neither the staff API nor the engine admits it exists, and the engine refuses
        // to let them work on its task (the contract of AuthorizationMatrixTest, here with Keycloak's tokens).
        String eduTask = departmentTask(edu).getId();
        assertThat(get("/api/complaints/" + edu, token).statusCode()).isEqualTo(404);
        assertThat(get("/engine-rest/task/" + eduTask, token).statusCode()).isEqualTo(404);
        assertThat(post("/engine-rest/task/" + eduTask + "/complete", token, "{\"variables\":{}}").statusCode())
                .isEqualTo(403);
        HttpResponse<String> visible = get("/engine-rest/task?processInstanceBusinessKey=" + edu, token);
        assertThat(visible.statusCode()).isEqualTo(200);
        assertThat(json.readTree(visible.body())).isEmpty();
    }

    @Test
    void theSupervisionOfficeReachesEveryDepartmentsComplaintAndTask() throws Exception {
        String token = token("supervisor");
        for (String department : new String[] {"GD-AMR", "GD-EDU"}) {
            String trackingNumber = cases.fileAndRoute(department, "SLOW_ACTION", "keycloak-office@example.com");
            assertThat(get("/api/complaints/" + trackingNumber, token).statusCode()).isEqualTo(200);
            assertThat(get("/engine-rest/task/" + departmentTask(trackingNumber).getId(), token).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void theApisRefuseCallsWithoutAValidToken() throws Exception {
        assertThat(get("/api/complaints", null).statusCode()).isEqualTo(401);
        assertThat(get("/engine-rest/task", null).statusCode()).isEqualTo(401);
        assertThat(get("/engine-rest/task", "not-a-token").statusCode()).isEqualTo(401);
        assertThat(get("/api/departments", null).statusCode()).isEqualTo(200);
    }

    @Test
    void theEngineRestApiRunsAsTheTokensUser() throws Exception {
        HttpResponse<String> response = get("/engine-rest/identity/groups?userId=handler-gd-amr",
                token("handler-gd-amr"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode groups = json.readTree(response.body()).path("groups");
        assertThat(groups.findValuesAsText("id")).containsExactly("dept-gd-amr");
    }

    @Test
    void theTasklistSendsTheBrowserToKeycloaksLogin() throws Exception {
        HttpResponse<String> app = get("/camunda/app/tasklist/default/", null);
        assertThat(app.statusCode()).isEqualTo(302);
        String login = app.headers().firstValue("Location").orElseThrow();
        assertThat(login).endsWith("/oauth2/authorization/keycloak");

        HttpResponse<String> authorize = http.send(HttpRequest.newBuilder(URI.create(login))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(authorize.headers().firstValue("Location").orElseThrow())
                .startsWith(KEYCLOAK.issuer() + "/protocol/openid-connect/auth?")
                .contains("client_id=supervision-app", "response_type=code");
    }

    @Test
    void aBrowserLogsInThroughKeycloakAndOutAgain() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> loginPage = browser.get(base() + "/camunda/app/tasklist/default/");
        assertThat(loginPage.uri().toString()).startsWith(KEYCLOAK.issuer());
        HttpResponse<String> tasklist = browser.submitLogin(loginPage, "handler-gd-amr", "handler-gd-amr");
        assertThat(tasklist.statusCode()).as(tasklist.uri() + "\n" + tasklist.body()).isEqualTo(200);
        assertThat(tasklist.uri().toString()).startsWith(base() + "/camunda/app/tasklist/");

        HttpResponse<String> user = browser.get(base() + "/camunda/api/admin/auth/user/default");
        assertThat(user.statusCode()).isEqualTo(200);
        JsonNode authentication = json.readTree(user.body());
        assertThat(authentication.path("userId").asText()).isEqualTo("handler-gd-amr");
        assertThat(authentication.path("authorizedApps").toString()).contains("tasklist")
                .doesNotContain("cockpit", "admin");
        // The same login opens the staff pages.
        assertThat(browser.get(base() + "/staff/complaints").statusCode()).isEqualTo(200);

        // The webapps' logout button (XHR with Camunda's CSRF token) ends this session and Keycloak's.
        HttpResponse<String> logout = browser.post(base() + "/camunda/api/admin/auth/user/default/logout");
        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(browser.get(base() + "/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
        assertThat(browser.get(base() + "/camunda/app/tasklist/default/").uri().toString())
                .as("a new visit needs a new Keycloak login").startsWith(KEYCLOAK.issuer());
    }

    @Test
    void theLogoutAddressLogsOutOfKeycloakToo() throws Exception {
        Browser browser = new Browser();
        browser.submitLogin(browser.get(base() + "/camunda/app/cockpit/default/"), "demo", "demo");
        assertThat(browser.get(base() + "/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);

        browser.get(base() + "/camunda/logout");
        assertThat(browser.redirects).contains(base() + "/").anyMatch(uri -> uri.startsWith(KEYCLOAK.issuer()
                + "/protocol/openid-connect/logout?id_token_hint="));
        assertThat(browser.get(base() + "/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
        assertThat(browser.get(base() + "/camunda/app/cockpit/default/").uri().toString())
                .startsWith(KEYCLOAK.issuer());
    }

    private Task departmentTask(String trackingNumber) {
        return tasks.createTaskQuery().processInstanceBusinessKey(trackingNumber)
                .taskDefinitionKey("Task_FirstFeedback")
                .singleResult();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An access token for a demo user, from the realm's CLI/test client (password grant). */
    private String token(String user) throws Exception {
        String form = "grant_type=password&client_id=supervision-cli&scope=openid&username=" + user + "&password="
                + user;
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(KEYCLOAK.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).path("access_token").asText();
    }

    /** An access token of a department's system: client-credentials grant with the realm's demo client secret. */
    private String clientToken(String client) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + client + "&client_secret=dev-only-" + client
                + "-secret";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(KEYCLOAK.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).path("access_token").asText();
    }

    /** Browsers treat http://127.0.0.1 as a secure context and send Keycloak's Secure cookies there; java.net not. */
    private static final class LoopbackCookies extends CookieManager {

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            return super.get(URI.create(uri.toString().replaceFirst("^http:", "https:")), headers);
        }
    }

    /** A browser without JavaScript: keeps cookies, follows redirects one by one (and remembers them). */
    private static final class Browser {

        private static final Pattern FORM_ACTION =
                Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

        private final CookieManager cookies = new LoopbackCookies();
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        final List<String> redirects = new ArrayList<>();

        HttpResponse<String> get(String uri) throws Exception {
            return follow(client.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }

        /** A POST as the webapps send it: with Camunda's CSRF token from its cookie. */
        HttpResponse<String> post(String uri) throws Exception {
            String xsrf = cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().map(c -> c.getValue()).orElse("");
            return client.send(HttpRequest.newBuilder(URI.create(uri)).header("X-XSRF-TOKEN", xsrf)
                    .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> submitLogin(HttpResponse<String> loginPage, String user, String password)
                throws Exception {
            Matcher action = FORM_ACTION.matcher(loginPage.body());
            assertThat(action.find()).as("Keycloak's login form in:\n" + loginPage.body()).isTrue();
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
            return follow(client.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }

        private HttpResponse<String> follow(HttpResponse<String> response) throws Exception {
            int hops = 0;
            while (response.statusCode() / 100 == 3 && hops++ < 10) {
                URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
                redirects.add(next.toString());
                response = client.send(HttpRequest.newBuilder(next).timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofString());
            }
            return response;
        }
    }
}
