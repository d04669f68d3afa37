package org.opensupervision.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.opensupervision.OwnsPeriod;
import org.opensupervision.OwnsPeriod.Cases;
import org.opensupervision.handling.CaseDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The staff pages of approval-case supervision, for each role: the live view (read live at each request, refreshed
 * by a same-origin script), the case list, the case page with its timeline and the contest of a card, and the
 * catalogue with its CSV upload. Scoped as the API: outside the reader's departments a page is a 404. Runs on the
 * items of GD-HRSS in December 2026, which it owns ({@link OwnsPeriod}).
 */
@OwnsPeriod(value = "2026-12", departments = "GD-HRSS", cases = Cases.APPROVAL,
        because = "reads the live view and lists of the department")
class ApprovalPagesTest extends IntegrationTest {

    /** 人力资源服务许可: promised 10, statutory 20 working days, online. */
    static final String PERMIT = "GD-HRSS-001";

    @Autowired
    MockMvc mvc;

    ApprovalEvents events;

    @BeforeEach
    void inDecember() {
        events = new ApprovalEvents(mvc);
        CaseDriver.moveClockTo(Instant.parse("2026-12-08T02:00:00Z"));
    }

    @Test
    void theOfficesSeeTheProvinceAndEveryDepartmentLiveAndAHandlerOnlyTheirOwn() throws Exception {
        String office = page("/staff/approval", "supervisor");
        assertThat(office).contains("审批办件实时监管", "全省", "data-department=\"GD-HRSS\"", "data-department=\"GD-AMR\"",
                "data-field=\"openByStatus.SUBMITTED\"", "data-field=\"fullyOnlineShare\"",
                "src=\"/js/approval-live.js\"");
        // No inline script: the Content Security Policy would block it.
        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(office).find()).isFalse();
        assertThat(page("/staff/approval", "evaluator")).contains("全省");
        assertThat(page("/staff/approval?lang=en", "supervisor")).contains("Live supervision of approval cases",
                "Province");

        String handler = page("/staff/approval", "handler-gd-hrss");
        assertThat(handler).contains("data-department=\"GD-HRSS\"").doesNotContain("data-department=\"GD-AMR\"")
                .doesNotContain("data-department=\"\"");
        assertThat(page("/staff/approval?department=GD-HRSS", "handler-gd-hrss")).contains("data-department=\"GD-HRSS\"");
        mvc.perform(get("/staff/approval?department=GD-AMR").with(httpBasic("handler-gd-hrss", "handler-gd-hrss")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/staff/approval").with(httpBasic("inspector", "inspector"))).andExpect(status().isNotFound());
        mvc.perform(get("/staff/approval")).andExpect(status().isUnauthorized());

        String script = mvc.perform(get("/js/approval-live.js")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(script).contains("data-approval-live", "data-field", "setInterval");
    }

    @Test
    void theLiveViewReadsTheTablesAtEachRequestSoItMovesWithTheNextEvent() throws Exception {
        long before = submittedOf(page("/staff/approval", "supervisor"), "GD-HRSS");
        String id = ApprovalEvents.newCaseId("LIVE");
        events.with(id, PERMIT, "SUBMITTED", "2026-12-08T09:00:00+08:00").send("GD-HRSS");
        assertThat(submittedOf(page("/staff/approval", "supervisor"), "GD-HRSS")).isEqualTo(before + 1);
        assertThat(submittedOf(page("/staff/approval?department=GD-HRSS", "handler-gd-hrss"), "GD-HRSS"))
                .isEqualTo(before + 1);
    }

    @Test
    void theCaseListFiltersByCardAndPagesWithinTheReadersDepartments() throws Exception {
        String red = decidedBeforeAcceptance();
        String plain = ApprovalEvents.newCaseId("PLAIN");
        events.with(plain, PERMIT, "SUBMITTED", "2026-12-08T09:30:00+08:00").send("GD-HRSS");

        String reds = page("/staff/approval-cases?department=GD-HRSS&card=RED", "supervisor");
        assertThat(reds).contains(red).doesNotContain(plain);
        assertThat(page("/staff/approval-cases?department=GD-HRSS&status=SUBMITTED", "supervisor")).contains(plain)
                .doesNotContain(red);
        assertThat(page("/staff/approval-cases", "handler-gd-hrss")).contains(red, plain);
        assertThat(page("/staff/approval-cases?lang=en", "handler-gd-hrss")).contains("Approval cases");
        assertThat(page("/staff/approval-cases", "handler-gd-amr")).doesNotContain(red, plain);
        mvc.perform(get("/staff/approval-cases?department=GD-HRSS").with(httpBasic("handler-gd-amr",
                "handler-gd-amr"))).andExpect(status().isNotFound());
        mvc.perform(get("/staff/approval-cases?card=PURPLE").with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/staff/approval-cases?page=-1").with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theCasePageShowsTheTimelineAndTheDepartmentContestsACardOnce() throws Exception {
        String id = decidedBeforeAcceptance();
        String office = page("/staff/approval-cases/" + id, "supervisor");
        assertThat(office).contains(id, "时间线", "申办", "审批决定", "承诺时限", "法定时限", "暂停计时", "红牌",
                "未受理先审批", "有效").doesNotContain("class=\"contest\"");
        assertThat(page("/staff/approval-cases/" + id + "?lang=en", "supervisor")).contains("Timeline",
                "Decided before it was accepted");
        mvc.perform(get("/staff/approval-cases/" + id).with(httpBasic("handler-gd-amr", "handler-gd-amr")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/staff/approval-cases/NO-SUCH-CASE").with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isNotFound());

        String handler = page("/staff/approval-cases/" + id, "handler-gd-hrss");
        assertThat(handler).contains("class=\"contest\"", "name=\"_csrf\"");
        Matcher action = Pattern.compile("/staff/approval-cases/[^\"]+/cards/(\\d+)/contest").matcher(handler);
        assertThat(action.find()).isTrue();
        String contest = action.group();

        mvc.perform(post(contest).param("reason", "申请人当场补交材料，先决定后补录受理").with(csrf())
                .with(httpBasic("supervisor", "supervisor"))).andExpect(status().isForbidden());
        mvc.perform(post(contest).param("reason", "理由").with(httpBasic("handler-gd-hrss", "handler-gd-hrss")))
                .andExpect(status().isForbidden());
        mvc.perform(post(contest).param("reason", " ").with(csrf())
                .with(httpBasic("handler-gd-hrss", "handler-gd-hrss"))).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("contestError", "approval.contest.reasonRequired"));
        mvc.perform(post(contest).param("reason", "申请人当场补交材料，先决定后补录受理").with(csrf())
                .with(httpBasic("handler-gd-hrss", "handler-gd-hrss"))).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/staff/approval-cases/" + id))
                .andExpect(flash().attributeExists("contested"));
        assertThat(page("/staff/approval-cases/" + id, "handler-gd-hrss")).contains("申诉中",
                "申请人当场补交材料，先决定后补录受理").doesNotContain("class=\"contest\"");
        mvc.perform(post(contest).param("reason", "再次申诉").with(csrf())
                .with(httpBasic("handler-gd-hrss", "handler-gd-hrss"))).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("contestError", "approval.contest.already"));
    }

    @Test
    void everyoneOnStaffReadsTheCatalogueAndItsVersionsButOnlyTheOfficeLoadsIt() throws Exception {
        String handler = page("/staff/approval-items?department=GD-HRSS", "handler-gd-hrss");
        assertThat(handler).contains("审批事项目录", PERMIT, "人力资源服务许可").doesNotContain("GD-AMR-001")
                .doesNotContain("id=\"catalogue-upload\"");
        assertThat(page("/staff/approval-items?item=" + PERMIT, "handler-gd-hrss")).contains("id=\"versions\"");
        assertThat(page("/staff/approval-items?lang=en", "supervisor")).contains("Approval item catalogue",
                "id=\"catalogue-upload\"", "enctype=\"multipart/form-data\"");
        mvc.perform(multipart("/staff/approval-items").file(csv("GD-HRSS-901,人才引进认定,GD-HRSS,PROMISED,20,10,,,,"
                + ",true")).with(csrf()).with(httpBasic("handler-gd-hrss", "handler-gd-hrss")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aCatalogueFileWithABadRowShowsTheRowsAndLoadsNothingAGoodOneMakesVersions() throws Exception {
        String code = "GD-HRSS-9" + System.nanoTime() % 100;
        String bad = mvc.perform(multipart("/staff/approval-items").file(csv(code + ",人才引进认定,GD-HRSS,PROMISED,20,10,,,,,"
                        + "true\nGD-HRSS-X1,坏行,GD-HRSS,PROMISED,twenty,10,,,,,true\nGD-HRSS-X2,坏行,GD-HRSS,SOMETIMES,20,10,,,,,"
                        + "true")).with(csrf()).with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("id=\"catalogue-errors\"", "<td>3</td>", "<td>4</td>", "statutoryLimitWorkingDays",
                "caseType");
        assertThat(page("/staff/approval-items?item=" + code, "supervisor")).contains("没有该事项");

        String pasted = "itemCode,name,departmentCode,caseType,statutoryLimitWorkingDays,promisedLimitWorkingDays,"
                + "acceptanceLimitWorkingDays,reviewLimitWorkingDays,decisionLimitWorkingDays,maxStopWorkingDays,"
                + "onlineRequired\n" + code + ",人才引进认定,GD-HRSS,PROMISED,20,10,,,,,true\n";
        mvc.perform(multipart("/staff/approval-items").param("csv", pasted).with(csrf())
                        .with(httpBasic("supervisor", "supervisor"))).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("loaded", 1));
        mvc.perform(multipart("/staff/approval-items").file(csv(code + ",人才引进认定,GD-HRSS,PROMISED,20,8,,,,,true"))
                        .with(csrf()).with(httpBasic("demo", "demo"))).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("loaded", 1));
        String versions = page("/staff/approval-items?item=" + code, "supervisor");
        assertThat(versions).contains("id=\"versions\"", "<td>1</td>", "<td>2</td>", "supervisor", "demo");
    }

    private static MockMultipartFile csv(String rows) {
        String text = "itemCode,name,departmentCode,caseType,statutoryLimitWorkingDays,promisedLimitWorkingDays,"
                + "acceptanceLimitWorkingDays,reviewLimitWorkingDays,decisionLimitWorkingDays,maxStopWorkingDays,"
                + "onlineRequired\n" + rows + "\n";
        return new MockMultipartFile("file", "catalogue.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    /** A case decided before it was accepted: a red card straight from its events. */
    private String decidedBeforeAcceptance() throws Exception {
        String id = ApprovalEvents.newCaseId("PAGE");
        events.with(id, PERMIT, "SUBMITTED", "2026-12-07T09:00:00+08:00");
        events.add(id, PERMIT, "DECIDED", "2026-12-07T15:00:00+08:00", "ONLINE").put("decision", "APPROVED");
        assertThat(events.send("GD-HRSS").get("accepted").asInt()).isEqualTo(2);
        return id;
    }

    private String page(String path, String user) throws Exception {
        MvcResult result = mvc.perform(get(path).with(httpBasic(user, user)).session(new MockHttpSession()))
                .andExpect(status().isOk()).andReturn();
        return result.getResponse().getContentAsString();
    }

    /** The open SUBMITTED count in a department's row of the live view. */
    private static long submittedOf(String page, String department) {
        Matcher row = Pattern.compile("data-department=\"" + department + "\".*?data-field=\"openByStatus.SUBMITTED\""
                + "[^>]*>(\\d+)<", Pattern.DOTALL).matcher(page);
        assertThat(row.find()).isTrue();
        return Long.parseLong(row.group(1));
    }
}
