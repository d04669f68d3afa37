package org.opensupervision.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.opensupervision.handling.CaseDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The item catalogue: the shipped reference catalogue (12 departments, 5 items each), a CSV file with a bad row refused
 * whole with its line number, and versions: a changed item applies to cases that start after it.
 */
class ApprovalCatalogueTest extends IntegrationTest {

    private static final String HEADER = "itemCode,name,departmentCode,caseType,statutoryLimitWorkingDays,"
            + "promisedLimitWorkingDays,acceptanceLimitWorkingDays,reviewLimitWorkingDays,decisionLimitWorkingDays,"
            + "maxStopWorkingDays,onlineRequired\n";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApprovalCatalogue catalogue;
    @Autowired
    ApprovalCases cases;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theReferenceCatalogueHasFiveItemsForEachOfTheTwelveDepartments() {
        assertThat(catalogue.items(null)).hasSizeGreaterThanOrEqualTo(60);
        assertThat(catalogue.items(null).stream().map(ApprovalItem::departmentCode).distinct()).hasSize(12);
        assertThat(catalogue.items("GD-AMR")).hasSizeGreaterThanOrEqualTo(5)
                .extracting(ApprovalItem::caseType).contains(CaseType.PROMISED);
        assertThat(catalogue.items(null)).extracting(ApprovalItem::caseType)
                .contains(CaseType.IMMEDIATE, CaseType.PROMISED, CaseType.REPORTED);
    }

    @Test
    void aCsvFileWithABadRowIsRefusedWholeNamingTheLineAndNothingIsLoaded() throws Exception {
        long before = jdbc.queryForObject("select count(*) from approval_item", Long.class);
        String csv = HEADER
                + "GD-EDU-901,新增事项甲,GD-EDU,PROMISED,20,10,,,,,true\n"
                + "GD-EDU-902,新增事项乙,GD-EDU,PROMISED,10,20,,,,,true\n"
                + "GD-EDU-903,\"名称, 含逗号\",GD-XXX,SOMETIMES,abc,1,,,,,maybe\n";
        mvc.perform(post("/api/approval-items").with(httpBasic("supervisor", "supervisor"))
                        .contentType("text/csv").content(csv))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:opensupervision:problem:validation-failed"))
                .andExpect(jsonPath("$.errors[?(@.row == 4 && @.field == 'statutoryLimitWorkingDays')]").exists())
                .andExpect(jsonPath("$.errors[?(@.row == 4 && @.field == 'caseType')]").exists())
                .andExpect(jsonPath("$.errors[?(@.row == 4 && @.field == 'onlineRequired')]").exists());
        // The file parses but row 3 breaks a rule (promised above statutory), row 4's department is unknown.
        String parsable = HEADER
                + "GD-EDU-901,新增事项甲,GD-EDU,PROMISED,20,10,,,,,true\n"
                + "GD-EDU-902,新增事项乙,GD-EDU,PROMISED,10,20,,,,,true\n"
                + "GD-EDU-903,\"名称, 含逗号\",GD-XXX,PROMISED,10,5,,,,,true\n";
        mvc.perform(post("/api/approval-items").with(httpBasic("supervisor", "supervisor"))
                        .contentType("text/csv").content(parsable))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("promisedLimitWorkingDays"))
                .andExpect(jsonPath("$.errors[0].code").value("OVER_STATUTORY"))
                .andExpect(jsonPath("$.errors[1].row").value(4))
                .andExpect(jsonPath("$.errors[1].code").value("UNKNOWN_DEPARTMENT"));
        assertThat(jdbc.queryForObject("select count(*) from approval_item", Long.class)).isEqualTo(before);
    }

    @Test
    void onlyTheSupervisionOfficeLoadsTheCatalogueAndEveryLoginReadsIt() throws Exception {
        String csv = HEADER + "GD-EDU-911,新增事项,GD-EDU,PROMISED,20,10,,,,,true\n";
        for (String user : new String[] {"handler-gd-edu", "evaluator", "system-gd-edu"}) {
            mvc.perform(post("/api/approval-items").with(httpBasic(user, user)).contentType("text/csv").content(csv))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/api/approval-items?department=GD-EDU").with(httpBasic(user, user)))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/api/approval-items")).andExpect(status().isUnauthorized());
    }

    @Test
    void aChangedItemIsANewVersionForCasesStartingAfterItAndEarlierCasesKeepTheirs() throws Exception {
        CaseDriver.moveClockTo(Instant.parse("2026-12-01T01:00:00Z"));
        String json = """
                [{"itemCode": "GD-PSD-801", "name": "测试事项", "departmentCode": "GD-PSD", "caseType": "PROMISED",
                  "statutoryLimitWorkingDays": 20, "promisedLimitWorkingDays": 10, "onlineRequired": true}]""";
        mvc.perform(post("/api/approval-items").with(httpBasic("supervisor", "supervisor"))
                .contentType("application/json").content(json)).andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1)).andExpect(jsonPath("$.versions[0].version").value(1));
        ApprovalEvents events = new ApprovalEvents(mvc);
        String before = ApprovalEvents.newCaseId("V1");
        events.with(before, "GD-PSD-801", "ACCEPTED", "2026-12-01T09:00:00+08:00").send("GD-PSD");

        // The same file again makes no version; a shorter promised limit makes version 2.
        mvc.perform(post("/api/approval-items").with(httpBasic("supervisor", "supervisor"))
                .contentType("application/json").content(json)).andExpect(jsonPath("$.created").value(0));
        mvc.perform(post("/api/approval-items").with(httpBasic("demo", "demo")).contentType("application/json")
                .content(json.replace("\"promisedLimitWorkingDays\": 10", "\"promisedLimitWorkingDays\": 5")))
                .andExpect(jsonPath("$.created").value(1)).andExpect(jsonPath("$.versions[0].version").value(2));
        String after = ApprovalEvents.newCaseId("V2");
        events.with(after, "GD-PSD-801", "ACCEPTED", "2026-12-01T09:00:00+08:00").send("GD-PSD");

        assertThat(catalogue.versions("GD-PSD-801")).extracting(ApprovalItem::version,
                ApprovalItem::promisedLimitWorkingDays, ApprovalItem::loadedBy)
                .containsExactly(tuple(1, 10, "supervisor"), tuple(2, 5, "demo"));
        ApprovalCaseView first = cases.find(before).orElseThrow();
        ApprovalCaseView second = cases.find(after).orElseThrow();
        assertThat(first.itemVersion()).isEqualTo(1);
        assertThat(second.itemVersion()).isEqualTo(2);
        // Ten and five working days after Tuesday 1 December 2026.
        assertThat(first.promisedDueAt()).isEqualTo(Instant.parse("2026-12-15T16:00:00Z"));
        assertThat(second.promisedDueAt()).isEqualTo(Instant.parse("2026-12-08T16:00:00Z"));
        mvc.perform(get("/api/approval-items/GD-PSD-801/versions").with(httpBasic("handler-gd-psd",
                "handler-gd-psd"))).andExpect(jsonPath("$.length()").value(2));
    }
}
