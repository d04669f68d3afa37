package org.opensupervision.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Failed logins are throttled on every entry point, per account and per client address, and never for good: a
 * stranger who types wrong passwords in a staff member's name makes that account wait (429 with Retry-After), then
 * its owner gets in again; before, eleven wrong passwords over HTTP Basic locked the account until an administrator
 * unlocked it. Over real HTTP, as the entry points are different servlets and filters.
 */
class LoginThrottleTest extends IntegrationTest {

    private static final String PASSWORD = "correct-horse-battery";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    MockMvc mvc;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String user;

    @BeforeEach
    void aStaffMember() {
        user = "throttle-" + UUID.randomUUID().toString().substring(0, 8);
        User u = identity.newUser(user);
        u.setPassword(PASSWORD);
        identity.saveUser(u);
    }

    @AfterEach
    void removeTheStaffMember() {
        identity.deleteUser(user);
    }

    private HttpResponse<String> basic(String path, String name, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Eleven wrong passwords, as many as locked an account before; the statuses they got. */
    private List<HttpResponse<String>> elevenWrongPasswords(String path) throws Exception {
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            answers.add(basic(path, user, "guess-" + i));
        }
        return answers;
    }

    private static void moveClockBy(Duration duration) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
    }

    @Test
    void wrongPasswordsOnTheEngineApiMakeTheAccountWaitButNeverLockItForGood() throws Exception {
        List<HttpResponse<String>> answers = elevenWrongPasswords("/engine-rest/task");

        assertThat(answers.subList(0, 5)).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(401));
        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isIn(401, 429));
        HttpResponse<String> refused = answers.stream().filter(a -> a.statusCode() == 429).findFirst().orElseThrow();
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(refused.body()).contains("urn:opensupervision:problem:too-many-login-failures");
        // While waiting, not even the right password is checked.
        assertThat(basic("/engine-rest/task", user, PASSWORD).statusCode()).isEqualTo(429);

        // The wait (ours, at most a minute for an account) and Camunda's own login delay end by themselves.
        moveClockBy(Duration.ofMinutes(2));
        assertThat(basic("/engine-rest/task", user, PASSWORD).statusCode()).isEqualTo(200);
        assertThat(identity.createUserQuery().userId(user).singleResult()).isNotNull();
    }

    @Test
    void theStaffApiAndTheWebappLoginAreThrottledForTheSameAccount() throws Exception {
        List<HttpResponse<String>> answers = elevenWrongPasswords("/api/complaints");
        assertThat(answers).extracting(HttpResponse::statusCode).contains(429).containsOnly(401, 429);
        assertThat(answers.get(10).headers().firstValue("Retry-After")).isPresent();

        // The Camunda webapps' login counts against the same account: refused before the password is checked.
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5))
                .build();
        String base = "http://127.0.0.1:" + port;
        browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .findFirst().orElseThrow().getValue();
        HttpRequest webappLogin = HttpRequest.newBuilder(
                        URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + PASSWORD))
                .timeout(Duration.ofSeconds(30)).build();
        assertThat(browser.send(webappLogin, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(429);

        moveClockBy(Duration.ofMinutes(2));
        HttpResponse<String> later = browser.send(webappLogin, HttpResponse.BodyHandlers.ofString());
        assertThat(later.statusCode()).as(later.body()).isIn(200, 403);
    }

    @Test
    void anAdministratorLetsTheAccountInAtOnce() throws Exception {
        elevenWrongPasswords("/engine-rest/task");
        assertThat(basic("/engine-rest/task", user, PASSWORD).statusCode()).isEqualTo(429);

        HttpResponse<String> byHandler = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/login-throttle/accounts/" + user)).DELETE()
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "handler-gd-amr:handler-gd-amr".getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(byHandler.statusCode()).isEqualTo(403);
        HttpResponse<String> byAdmin = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/login-throttle/accounts/" + user)).DELETE()
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "demo:demo".getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(byAdmin.statusCode()).isEqualTo(204);

        // Ours and Camunda's login delay both lifted, without waiting.
        assertThat(basic("/engine-rest/task", user, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void aClientThatFailsOftenWaitsWhicheverAccountItTries() throws Exception {
        for (int i = 0; i < 10; i++) {
            mvc.perform(get("/api/complaints").with(httpBasic("nobody-" + i, "x")).with(from("203.0.113.90")))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/complaints").with(httpBasic("nobody-10", "x")).with(from("203.0.113.90")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/complaints").with(httpBasic("supervisor", "supervisor")).with(from("203.0.113.90")))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.type").value("urn:opensupervision:problem:too-many-login-failures"));
        mvc.perform(get("/api/complaints").with(httpBasic("supervisor", "supervisor")).with(from("203.0.113.91")))
                .andExpect(status().isOk());

        // The engine API and the login form too, from an address of their own (127.0.0.1 is exempt in tests).
        for (int i = 0; i < 11; i++) {
            assertThat(rawRequest("GET /engine-rest/task", "nobody-" + i)).isEqualTo(401);
        }
        assertThat(rawRequest("GET /engine-rest/task", "demo")).isEqualTo(429);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** A request with a wrong password over a socket bound to 127.0.0.2. */
    private int rawRequest(String requestLine, String name) throws Exception {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName("127.0.0.2"),
                0)) {
            socket.setSoTimeout(30_000);
            String credentials = Base64.getEncoder().encodeToString((name + ":wrong")
                    .getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write((requestLine + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                    + credentials + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
