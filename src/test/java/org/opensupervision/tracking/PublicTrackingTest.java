package org.opensupervision.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.opensupervision.handling.CaseDriver;
import org.opensupervision.intake.AccessCodes;
import org.opensupervision.workflow.ComplaintProcess.Activity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The complainant's view: only their own case, only citizen-safe facts, and guessing codes gets throttled. */
class PublicTrackingTest extends IntegrationTest {

    private static final AtomicInteger CLIENTS = new AtomicInteger(1);

    @Autowired
    org.opensupervision.rules.ProcessJobs jobs;
    @Autowired
    CaseDriver cases;
    @Autowired
    AccessCodes accessCodes;
    @Autowired
    IdentityService identity;
    @Autowired
    MockMvc mvc;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    /** Each test calls from its own address, so the per-address throttle of one test does not touch another. */
    private RequestPostProcessor client;

    @BeforeEach
    void newClient() {
        CaseDriver.moveClockTo(Instant.parse("2026-03-02T01:00:00Z"));
        int n = CLIENTS.getAndIncrement();
        client = request -> {
            request.setRemoteAddr("192.0.2." + n);
            return request;
        };
    }

    @AfterEach
    void logOut() {
        identity.clearAuthentication();
    }

    private void completeAs(String user, String tn, String task, Map<String, Object> variables) {
        cases.completeAs(user, tn, task, variables);
    }

    private String track(String tn, String code, int expectedStatus) throws Exception {
        var request = get("/api/public/complaints/{tn}", tn).with(client);
        if (code != null) {
            request.header("X-Access-Code", code);
        }
        MvcResult result = mvc.perform(request).andExpect(status().is(expectedStatus)).andReturn();
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theCitizenTimelineShowsTheStagesAndLeaksNothingPrivate() throws Exception {
        String tn = cases.fileAndRoute("GD-AMR", "ATTITUDE", "private.person@example.com");
        completeAs("supervisor", tn, Activity.TRIAGE, Map.of("triageDecision", "ACCEPT",
                "triageReason", "内部分办意见ABC"));
        completeAs("handler-gd-amr", tn, Activity.FIRST_FEEDBACK, Map.of("firstFeedbackText", "已受理，三日内答复。"));
        completeAs("handler-gd-amr", tn, Activity.HANDLING, Map.of("handlingAction", "REPLY", "replyText", "初稿"));
        completeAs("supervisor", tn, Activity.REVIEW_REPLY, Map.of("reviewDecision", "REWORK",
                "reviewComment", "内部审核意见XYZ"));
        completeAs("handler-gd-amr", tn, Activity.HANDLING, Map.of("handlingAction", "REPLY",
                "replyText", "已向窗口人员批评教育并重新办理。"));
        completeAs("supervisor", tn, Activity.REVIEW_REPLY, Map.of("reviewDecision", "APPROVE"));
        // The rating process opens its round in a job of its own, after the closing committed.
        jobs.runDueJobs(tn);

        String json = track(tn, accessCodes.codeFor(tn).toLowerCase(), 200);

        assertThat(json).contains("\"trackingNumber\":\"" + tn + "\"", "\"stage\":\"SUBMITTED\"",
                "\"stage\":\"ROUTED\"", "\"stage\":\"FIRST_FEEDBACK\"", "\"onTime\":true", "已受理，三日内答复。",
                "\"stage\":\"HANDLING\"", "\"stage\":\"REPLIED\"", "已向窗口人员批评教育并重新办理。",
                "\"stage\":\"CLOSED\"", "省市场监督管理局", "\"rating\":{\"round\":1");
        assertThat(json).doesNotContain("张三", "13800138000", "private.person", "contact", "supervisor",
                "handler-gd-amr", "内部分办意见ABC", "内部审核意见XYZ", "初稿", "processInstance", "dept-gd-amr",
                "reworkCount", "description");
    }

    @Test
    void aWrongCodeAnswersExactlyLikeAnUnknownNumber() throws Exception {
        String tn = cases.fileAndRoute("GD-AMR", "ATTITUDE", "a@example.com");

        String wrongCode = track(tn, "ABCDEFGHJK", 404);
        String unknownNumber = track("TS20260302-ZZZZZZ", accessCodes.codeFor("TS20260302-ZZZZZZ"), 404);
        String noCode = track(tn, null, 404);

        assertThat(wrongCode).isEqualTo(unknownNumber).isEqualTo(noCode).doesNotContain(tn);
    }

    @Test
    void guessingTheCodeOfOneNumberIsThrottledEvenFromManyAddresses() throws Exception {
        String tn = cases.fileAndRoute("GD-AMR", "ATTITUDE", "a@example.com");
        for (int i = 0; i < 5; i++) {
            newClient();
            track(tn, "WRONG" + i, 404);
        }
        newClient();
        mvc.perform(get("/api/public/complaints/{tn}", tn).header("X-Access-Code", accessCodes.codeFor(tn))
                        .with(client))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "900"))
                .andExpect(jsonPath("$.type").value("urn:opensupervision:problem:too-many-attempts"));
    }

    @Test
    void guessingManyNumbersFromOneAddressIsThrottled() throws Exception {
        String tn = cases.fileAndRoute("GD-AMR", "ATTITUDE", "a@example.com");
        for (int i = 0; i < 20; i++) {
            track(String.format("TS20260302-AAAA%02d", i), "ABCDEFGHJK", 404);
        }
        track(tn, accessCodes.codeFor(tn), 429);

        newClient();
        track(tn, accessCodes.codeFor(tn), 200);
    }

    @Test
    void theTrackingPageShowsTheStagesForTheRightCode() throws Exception {
        String tn = cases.fileAndRoute("GD-AMR", "ATTITUDE", "page.person@example.com");
        mvc.perform(get("/track")).andExpect(status().isOk());

        String page = mvc.perform(post("/track").with(csrf()).with(client).param("trackingNumber", tn)
                        .param("accessCode", accessCodes.codeFor(tn)))
                .andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains(tn, "已提交", "已分派").doesNotContain("page.person", "张三");

        String wrong = mvc.perform(post("/track").with(csrf()).with(client).param("trackingNumber", tn)
                        .param("accessCode", "ABCDEFGHJK"))
                .andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(wrong).contains("受理编号或查询码不正确").doesNotContain("已分派");
    }

    private String page(org.springframework.test.web.servlet.RequestBuilder request, int expected) throws Exception {
        return mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theTrackingPageSaysInOneLineWhereTheCaseStandsAndWhatComesNextInThePagesLanguage() throws Exception {
        String tn = cases.fileAndRoute("GD-AMR", "ATTITUDE", "oneline@example.com");
        String zh = page(post("/track").with(csrf()).with(client).param("trackingNumber", tn)
                .param("accessCode", accessCodes.codeFor(tn)), 200);
        assertThat(zh).containsPattern("id=\"caseNow\"[^>]*>当前：已交由省市场监督管理局办理。下一步：省市场监督管理局在 [^<]+ 前首次反馈。<")
                .doesNotContain("Administration for Market Regulation", " / ");

        completeAs("supervisor", tn, Activity.TRIAGE, Map.of("triageDecision", "ACCEPT"));
        completeAs("handler-gd-amr", tn, Activity.FIRST_FEEDBACK, Map.of("firstFeedbackText", "已受理。"));
        cases.runDueJobs(tn);
        String handling = page(post("/track").with(csrf()).with(client).param("trackingNumber", tn)
                .param("accessCode", accessCodes.codeFor(tn)), 200);
        assertThat(handling).containsPattern("id=\"caseNow\"[^>]*>当前：省市场监督管理局正在办理。下一步：在 [^<]+ 前答复您。<");

        String en = page(post("/track").param("lang", "en").with(csrf()).with(client).param("trackingNumber", tn)
                .param("accessCode", accessCodes.codeFor(tn)), 200);
        assertThat(en).contains("Now: ").contains("is handling it. Next: a reply to you by")
                .doesNotContain("当前", "省市场监督管理局");
    }

    @Test
    void theHeaderAndTheReceiptLeadToTracking() throws Exception {
        assertThat(page(get("/complaints/new"), 200)).contains("查询进度").contains("href=\"/track\"");
        String prefilled = page(get("/track").param("trackingNumber", "TS20260302-ABCDEF"), 200);
        assertThat(prefilled).contains("value=\"TS20260302-ABCDEF\"");
    }

    @Test
    void anUnknownPublicAddressIsThePublic404PageNotTheStaffLogin() throws Exception {
        // Over real HTTP: the error page is the container's forward, which MockMvc does not make.
        java.net.http.HttpResponse<String> missing = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/no-such-page"))
                        .header("Accept", "text/html").timeout(java.time.Duration.ofSeconds(30)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("页面不存在", "href=\"/track\"").doesNotContain("登录");
        page(get("/complaints/nothing-here").accept("text/html"), 404);
        // Staff addresses keep asking for a login, known or not.
        mvc.perform(get("/staff/no-such-page").accept("text/html")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/staff/complaints").accept("text/html")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/no-such-thing")).andExpect(status().isUnauthorized());
    }

    @Test
    void theRatingScaleSaysWhichEndIsGoodAndEveryGroupHasALegend() throws Exception {
        String rate = page(get("/rate/some-token-that-is-not-valid"), 200);
        assertThat(rate).doesNotContain("Very satisfied");
        String fragment = new String(getClass().getResourceAsStream("/templates/fragments-rating.html")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(fragment.split("<fieldset", -1).length - 1).isEqualTo(fragment.split("<legend", -1).length - 1);
        assertThat(fragment).doesNotContain(" / Yes", " / No");
        org.springframework.context.MessageSource messages = context.getBean(org.springframework.context.MessageSource.class);
        assertThat(messages.getMessage("rating.scale.levels", null, java.util.Locale.SIMPLIFIED_CHINESE))
                .contains("5 分非常满意（最好）", "1 分非常不满意（最差）");
        assertThat(messages.getMessage("rating.level.5", null, java.util.Locale.SIMPLIFIED_CHINESE)).contains("最好");
        assertThat(messages.getMessage("rating.level.1", null, java.util.Locale.ENGLISH)).contains("worst");
    }
}
