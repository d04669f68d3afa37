package org.opensupervision.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The public endpoints' protection: rate limits per client, body size, CSRF on the form, headers, no internals. */
class ProtectionTest extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @LocalServerPort
    int port;

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void aClientThatSubmitsTooOftenGets429WithRetryAfterAndOtherClientsAreNotAffected() throws Exception {
        for (int i = 0; i < 10; i++) {
            mvc.perform(post("/api/complaints").with(from("203.0.113.7")).contentType(MediaType.APPLICATION_JSON)
                    .content("{}")).andExpect(status().isBadRequest());
        }
        mvc.perform(post("/api/complaints").with(from("203.0.113.7")).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en").content("{}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:opensupervision:problem:too-many-requests"))
                .andExpect(jsonPath("$.title").value("Too many requests"));
        // The form counts against the same rule; a browser gets the error page.
        mvc.perform(post("/complaints").with(from("203.0.113.7")).with(csrf()).accept(MediaType.TEXT_HTML))
                .andExpect(status().isTooManyRequests());

        mvc.perform(post("/api/complaints").with(from("203.0.113.8")).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isBadRequest());
        // Reading public pages is another rule: still open to the client that submitted too often.
        mvc.perform(get("/api/departments").with(from("203.0.113.7"))).andExpect(status().isOk());
    }

    @Test
    void theSubmissionLimitCountsEverySpellingOfThePath() throws Exception {
        for (int i = 0; i < 10; i++) {
            mvc.perform(post("/api/complaints").with(from("203.0.113.21")).contentType(MediaType.APPLICATION_JSON)
                    .content("{}")).andExpect(status().isBadRequest());
        }
        for (String spelling : new String[] {"/api/%63omplaints", "/api/%63%6F%6Dplaints", "/api/complaints/",
                "/api//complaints", "/api/./complaints", "/api/x/../complaints", "/api/complaints;jsessionid=1",
                "/api;a=b/complaints", "/API/Complaints", "/api%2Fcomplaints", "/%61pi/complaints"}) {
            mvc.perform(post(URI.create(spelling)).with(from("203.0.113.21")).contentType(MediaType.APPLICATION_JSON)
                            .content("{}"))
                    .andExpect(status().isTooManyRequests());
        }
    }

    @Test
    void anEncodedPathIsLimitedOverRealHttpToo() throws Exception {
        // From 127.0.0.2: the suite's own address (127.0.0.1) is exempt from the limits in the test profile.
        for (int i = 0; i < 10; i++) {
            assertThat(rawPost("/api/complaints")).isEqualTo(400);
        }
        assertThat(rawPost("/api/%63omplaints")).isEqualTo(429);
        assertThat(rawPost("/api/./complaints")).isEqualTo(429);
        assertThat(rawPost("/api/complaints;jsessionid=abc")).isEqualTo(429);
    }

    /** A POST over a socket bound to 127.0.0.2, the path sent exactly as written. */
    private int rawPost(String path) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getByName("127.0.0.1"), port,
                java.net.InetAddress.getByName("127.0.0.2"), 0)) {
            socket.setSoTimeout(10_000);
            String request = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2\r\nConnection: close\r\n\r\n{}";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    @Test
    void aBodyAboveTheLimitIsRefusedWith413WhetherItsLengthIsAnnouncedOrStreamed() throws Exception {
        String big = "{\"title\":\"" + "x".repeat(70 * 1024) + "\"}";
        mvc.perform(post("/api/complaints").contentType(MediaType.APPLICATION_JSON).content(big))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.type").value("urn:opensupervision:problem:payload-too-large"))
                .andExpect(jsonPath("$.title").value("请求体过大"));

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/complaints"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("payload-too-large");

        // A small streamed body still reaches the controller (and fails validation there, field by field).
        HttpResponse<String> small = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/complaints"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("{}".getBytes())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(small.statusCode()).isEqualTo(400);
        assertThat(small.body()).contains("validation-failed", "\"field\"");
    }

    @Test
    void theFormNeedsItsCsrfToken() throws Exception {
        mvc.perform(post("/complaints").param("title", "无令牌").accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden());
        String page = mvc.perform(get("/complaints/new")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("name=\"_csrf\"");
    }

    @Test
    void aWrongContentTypeOrMethodIsAnsweredWithProblemDetails() throws Exception {
        mvc.perform(post("/api/complaints").contentType(MediaType.TEXT_PLAIN).content("hello")
                        .header("Accept-Language", "en"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:opensupervision:problem:unsupported-media-type"))
                .andExpect(jsonPath("$.title").value("Unsupported media type"))
                .andExpect(header().string("Accept", org.hamcrest.Matchers.containsString("application/json")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/departments")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic("supervisor", "supervisor")))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:opensupervision:problem:method-not-allowed"))
                .andExpect(header().string("Allow", org.hamcrest.Matchers.containsString("GET")));
    }

    @Test
    void theSessionCookieIsSameSiteAndTheApiWantsACsrfTokenWhenTheSessionAuthenticates() throws Exception {
        java.net.CookieManager cookies = new java.net.CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5))
                .build();
        String base = "http://127.0.0.1:" + port;
        HttpResponse<String> loginPage = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=supervisor&password=supervisor&_csrf="
                        + csrfTokenIn(loginPage.body())))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly"));

        String api = base + "/api/complaints/TS20260101-NOSUCH/contact-reveals";
        HttpRequest.Builder reveal = HttpRequest.newBuilder(URI.create(api)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"回访\"}")).timeout(Duration.ofSeconds(30));
        // What another site could make the browser send: the cookie, no token.
        assertThat(browser.send(reveal.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        // With the token of a staff page it goes through (to a 404: there is no such case).
        String token = csrfTokenIn(browser.send(HttpRequest.newBuilder(URI.create(base + "/staff/complaints"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(browser.send(reveal.header("X-CSRF-TOKEN", token).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(404);
        // Reading needs no token; HTTP Basic needs none either (the browser never adds it by itself).
        assertThat(browser.send(HttpRequest.newBuilder(URI.create(base + "/api/complaints?size=1"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        assertThat(http().send(HttpRequest.newBuilder(URI.create(api)).header("Content-Type", "application/json")
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                "supervisor:supervisor".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"回访\"}"))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(404);
    }

    private static HttpClient http() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static String csrfTokenIn(String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
                .matcher(page);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }

    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        mvc.perform(get("/complaints/new"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.containsString("frame-ancestors 'none'")))
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.containsString("script-src 'self'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
                .andExpect(header().string("Permissions-Policy", org.hamcrest.Matchers.containsString("camera=()")));
    }

    @Test
    void errorsShowNoInternals() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (HttpRequest request : new HttpRequest[] {
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/complaints"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"title\": [1, 2")).build(),
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/complaints"))
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("hello")).build(),
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/departments"))
                        .DELETE().build(),
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/complaints/TS20260101-NOSUCH"))
                        .header("Authorization", "Basic ZXZhbHVhdG9yOmV2YWx1YXRvcg==").build()}) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(request.uri().toString()).isBetween(400, 499);
            assertThat(response.body()).doesNotContain("Exception", "at org.", "at java.", "\"trace\"",
                    "jackson", "springframework");
        }
    }
}
