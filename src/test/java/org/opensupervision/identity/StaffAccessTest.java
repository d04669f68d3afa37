package org.opensupervision.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who gets in, over real HTTP against the embedded server: the engine's REST API is never open to anonymous
 * callers (Camunda's own servlet filter), the Camunda webapps keep their own login, and that login also opens the
 * staff pages.
 */
class StaffAccessTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .cookieHandler(cookies).build();

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                // The first call initialises the engine REST application: slow on a busy 2-core machine.
                .timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anonymousCallsToTheEngineRestApiAreRefused() throws Exception {
        assertThat(get("/engine-rest/process-definition", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/engine-rest/task", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void wrongCredentialsAreRefused() throws Exception {
        assertThat(get("/engine-rest/task", "evaluator", "not-the-password").statusCode()).isEqualTo(401);
        // Camunda locks a user for a few seconds after a wrong password, until a time on the engine clock: a later
        // test that moves the clock back (the approval tests do) would find them still locked.
        identity.unlockUser("evaluator");
    }

    @Test
    void aDemoUserReachesTheEngineRestApiWithHttpBasic() throws Exception {
        HttpResponse<String> response = get("/engine-rest/process-definition?key=complaint-handling", "demo", "demo");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"key\":\"complaint-handling\"");
    }

    @Test
    void theWebappsAndThePublicPageAreServed() throws Exception {
        assertThat(get("/camunda/app/tasklist/default/", null, null).statusCode()).isEqualTo(200);
        assertThat(get("/complaints/new", null, null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health", null, null).body()).contains("\"status\":\"UP\"");
    }

    @Test
    void aTasklistLoginIsNotBlockedBySpringSecurityAndOpensTheStaffPagesToo() throws Exception {
        String base = "http://127.0.0.1:" + port;
        HttpResponse<String> before = browser.send(HttpRequest.newBuilder(URI.create(base + "/staff/complaints"))
                .header("Accept", "text/html").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(before.statusCode()).isEqualTo(302);
        assertThat(before.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        // As Tasklist does: load the app (Camunda's own CSRF filter hands out its token), then log in with it.
        browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .findFirst().orElseThrow().getValue();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
                        URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=supervisor&password=supervisor"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("\"userId\":\"supervisor\"").contains("tasklist");

        HttpResponse<String> after = browser.send(HttpRequest.newBuilder(URI.create(base + "/staff/complaints"))
                .header("Accept", "text/html").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("投诉案件");
    }

    @Test
    void theStaffLoginPageIsBilingualAndALoginLeadsToTheComplaintList() throws Exception {
        HttpResponse<String> page = get("/login", null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("工作人员登录", "name=\"_csrf\"");
        assertThat(get("/login?lang=en", null, null).body()).contains("Staff login");
    }

    @Test
    void anUnknownCaseIsAPageForPeopleAndAProblemForPrograms() throws Exception {
        HttpResponse<String> page = browserGet("/staff/complaints/TS20260101-NOSUCH", "text/html");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("页面不存在").doesNotContain("\"status\"");
    }

    @Test
    void theLoginPageIsStyledInChineseAndMarksAFailedLogin() throws Exception {
        String page = get("/login", null, null).body();
        assertThat(page).contains("class=\"login-page\"", "政务服务效能监督平台", "用户名", "密码", "请联系系统管理员")
                .doesNotContain("aria-invalid");
        assertThat(get("/login?error", null, null).body()).contains("role=\"alert\"", "aria-invalid=\"true\"",
                "aria-describedby=\"login-error\"");
    }

    @Test
    void aPageOutsideTheRoleIsANoPermissionPageThatSaysWhereToGoAndTheApiKeepsProblemDetails() throws Exception {
        HttpResponse<String> page = as("handler-gd-edu", "/staff/kpi", "text/html");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("无权限", "当前登录账号：handler-gd-edu", "/staff/complaints", "任务列表")
                .doesNotContain("\"status\"");
        assertThat(as("handler-gd-edu", "/staff/kpi?lang=en", "text/html").body()).contains("No permission");

        HttpResponse<String> api = as("handler-gd-edu", "/api/kpi/months/2026-03", "application/json");
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).contains("json");
        assertThat(api.body()).doesNotContain("无权限</h1>");
    }

    @Test
    void handlersAreNotOfferedLinksTheyCannotUse() throws Exception {
        String handler = as("handler-gd-edu", "/staff/complaints", "text/html").body();
        assertThat(handler).contains("href=\"/staff/complaints\"", "href=\"/camunda/app/tasklist/\"")
                .doesNotContain("href=\"/staff/kpi\"", "href=\"/staff/mail\"", "href=\"/staff/evaluations\"",
                        "href=\"/staff/spot-checks\"", "href=\"/staff/discipline\"", "href=\"/camunda/app/cockpit/\"",
                        "supervision-overview");
        String supervisor = as("supervisor", "/staff/complaints", "text/html").body();
        assertThat(supervisor).contains("href=\"/staff/kpi\"", "href=\"/staff/mail\"",
                "href=\"/camunda/app/cockpit/\"", "href=\"/camunda/app/cockpit/default/#/supervision-overview\"");
        String inspector = as("inspector", "/staff/complaints", "text/html").body();
        assertThat(inspector).contains("href=\"/staff/discipline\"", "href=\"/camunda/app/cockpit/\"")
                .doesNotContain("href=\"/staff/mail\"", "href=\"/staff/kpi\"", "supervision-overview");
    }

    private HttpResponse<String> as(String user, String path, String accept) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", accept).header("Authorization", "Basic " + credentials)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> browserGet(String path, String accept) throws Exception {
        String credentials = Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", accept).header("Authorization", "Basic " + credentials)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
