package org.opensupervision.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opensupervision.IntegrationTest;
import org.opensupervision.OwnsPeriod;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The KPI month over a known small set of finished cases in April 2019 (a month it owns, {@link OwnsPeriod}), written
 * straight into the tables as the bench's data generator does: the figures are those of the rows, department by
 * department, with the month's edges taken in China Standard Time.
 */
@OwnsPeriod(value = "2019-04", because = "the KPI month over its own rows")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiMonthTest extends IntegrationTest {

    private static final String PREFIX = "TS2019KPI-";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SupervisionDashboards dashboards;

    private long nextId = 900_000_000L;

    @BeforeAll
    void aprilOf2019() {
        // AMR: received 3 (c1, c2, c4), first feedback on time 1 of 3 due; closed 3 (c1, c2, c3), 2 on time, 1 reworked.
        complaint("c1", "GD-AMR", "CLOSED", "2019-04-02T02:00:00Z", "2019-04-02T07:00:00Z", null,
                "2019-04-20T02:00:00Z", null, 0);
        long c2 = complaint("c2", "GD-AMR", "CLOSED", "2019-04-03T02:00:00Z", "2019-04-04T08:00:00Z",
                "2019-04-04T02:00:01Z", "2019-04-25T02:00:00Z", "2019-04-24T02:00:01Z", 1);
        // Submitted 30 March (CST): before the month; closed in it on time.
        complaint("c3", "GD-AMR", "CLOSED", "2019-03-30T02:00:00Z", "2019-03-30T05:00:00Z", null,
                "2019-04-10T02:00:00Z", null, 0);
        // 30 April 01:00 CST is still April (29 April 17:00 UTC); never answered, so due and late.
        complaint("c4", "GD-AMR", "AWAITING_FIRST_FEEDBACK", "2019-04-29T17:00:00Z", null, null, null, null, 0);
        // 1 May 01:00 CST (30 April 17:00 UTC): May, not April.
        complaint("c5", "GD-AMR", "AWAITING_FIRST_FEEDBACK", "2019-04-30T17:00:00Z", null, null, null, null, 0);
        complaint("c6", "GD-EDU", "IN_HANDLING", "2019-04-10T02:00:00Z", "2019-04-10T03:00:00Z", null, null, null, 0);
        breach(c2, "GD-AMR", "FIRST_FEEDBACK", "2019-04-04T02:00:01Z");
        breach(c2, "GD-AMR", "HANDLING", "2019-04-24T02:00:01Z");
        // Ratings of April: 5 and 1 rated, a default (3), a voided 1 that does not count; one of May left out.
        rating("c1", "GD-AMR", "RATED", 5, "2019-04-22T02:00:00Z");
        rating("c2", "GD-AMR", "RATED", 1, "2019-04-26T02:00:00Z");
        rating("c3", "GD-AMR", "DEFAULTED", 3, "2019-04-17T02:00:00Z");
        rating("c4", "GD-AMR", "VOIDED", 1, "2019-04-18T02:00:00Z");
        rating("c5", "GD-AMR", "RATED", 5, "2019-04-30T16:00:00Z");
        // Both months are final: another class may have had May stored before these rows came (the security matrix
        // evaluates it), so the rows written into the past are taken in as an operator would, by a recompute.
        recomputeAprilAndMay();
    }

    private void recomputeAprilAndMay() {
        dashboards.recomputeKpiMonth(YearMonth.of(2019, 4), "KpiMonthTest").orElseThrow();
        dashboards.recomputeKpiMonth(YearMonth.of(2019, 5), "KpiMonthTest").orElseThrow();
    }

    @AfterAll
    void removeTheRows() {
        jdbc.update("delete from citizen_rating where tracking_number like ?", PREFIX + "%");
        jdbc.update("delete from deadline_breach where complaint_id in (select id from complaint "
                + "where tracking_number like ?)", PREFIX + "%");
        jdbc.update("delete from complaint where tracking_number like ?", PREFIX + "%");
        recomputeAprilAndMay();
    }

    private long complaint(String name, String department, String status, String submitted, String firstFeedback,
                           String firstFeedbackBreached, String closed, String handlingBreached,
                           int rework) {
        long id = nextId++;
        Instant at = Instant.parse(submitted);
        jdbc.update("insert into complaint (id, tracking_number, department_code, handling_department_code, category, "
                        + "title, description, anonymous, status, submitted_at, first_feedback_due_at, "
                        + "first_feedback_at, first_feedback_breached_at, closed_at, handling_breached_at, "
                        + "rework_count, redirect_count, version) "
                        + "values (?, ?, ?, ?, 'OTHER', 'KPI', 'KPI', false, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)",
                id, PREFIX + name, department, department, status, time(submitted),
                time(at.plusSeconds(86_400).toString()), time(firstFeedback), time(firstFeedbackBreached),
                time(closed), time(handlingBreached), rework);
        return id;
    }

    private void breach(long complaintId, String department, String kind, String recorded) {
        jdbc.update("insert into deadline_breach (complaint_id, department_code, kind, due_at, recorded_at) "
                + "values (?, ?, ?, ?, ?)", complaintId, department, kind, time(recorded), time(recorded));
    }

    private void rating(String name, String department, String status, int level, String rated) {
        jdbc.update("insert into citizen_rating (tracking_number, round, department_code, opened_at, due_at, status, "
                + "level, rated_at, version) values (?, 1, ?, ?, ?, ?, ?, ?, 0)", PREFIX + name, department,
                time(rated), time(rated), status, level, time(rated));
    }

    private static OffsetDateTime time(String instant) {
        return instant == null ? null : Instant.parse(instant).atOffset(ZoneOffset.UTC);
    }

    private JsonNode kpi(String query) throws Exception {
        return json.readTree(mvc.perform(get("/api/kpi/months/" + query).with(httpBasic("evaluator", "evaluator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static JsonNode row(JsonNode month, String department) {
        for (JsonNode row : month.get("departments")) {
            if (row.get("departmentCode").asText().equals(department)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + department);
    }

    @Test
    void theFiguresOfEachDepartmentAreThoseOfItsCasesOfTheMonth() throws Exception {
        JsonNode april = kpi("2019-04");
        assertThat(april.get("month").asText()).isEqualTo("2019-04");
        JsonNode amr = row(april, "GD-AMR");
        assertThat(amr.get("departmentName").asText()).isEqualTo("省市场监督管理局");
        assertThat(amr.get("received").asLong()).isEqualTo(3);
        assertThat(amr.get("firstFeedbackDue").asLong()).isEqualTo(3);
        assertThat(amr.get("firstFeedbackOnTime").asLong()).isEqualTo(1);
        assertThat(amr.get("firstFeedbackOnTimeRate").asDouble()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(amr.get("closed").asLong()).isEqualTo(3);
        assertThat(amr.get("closedOnTime").asLong()).isEqualTo(2);
        assertThat(amr.get("reworked").asLong()).isEqualTo(1);
        assertThat(amr.get("firstFeedbackBreaches").asLong()).isEqualTo(1);
        assertThat(amr.get("handlingBreaches").asLong()).isEqualTo(1);
        assertThat(amr.get("ratings").asLong()).isEqualTo(3);
        assertThat(amr.get("satisfied").asLong()).isEqualTo(2);
        assertThat(amr.get("badRatings").asLong()).isEqualTo(1);
        JsonNode edu = row(april, "GD-EDU");
        assertThat(edu.get("received").asLong()).isEqualTo(1);
        assertThat(edu.get("firstFeedbackOnTimeRate").asDouble()).isEqualTo(1.0);
        assertThat(edu.get("closed").asLong()).isZero();
        assertThat(edu.hasNonNull("closedOnTimeRate")).isFalse();
        assertThat(edu.hasNonNull("satisfactionRate")).isFalse();
        assertThat(row(april, "GD-DRC").get("received").asLong()).isZero();
        assertThat(april.get("departments")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(april.toString()).doesNotContain("score", "rank");

        JsonNode may = kpi("2019-05");
        assertThat(row(may, "GD-AMR").get("received").asLong()).isEqualTo(1);
        assertThat(row(may, "GD-AMR").get("ratings").asLong()).isEqualTo(1);
    }

    @Test
    void rowsSortByAnyColumnWithEmptyRatesLast() throws Exception {
        List<String> byReceived = kpi("2019-04?sort=received,desc").get("departments")
                .findValuesAsText("departmentCode");
        assertThat(byReceived.subList(0, 2)).containsExactly("GD-AMR", "GD-EDU");
        List<String> byClosedOnTime = kpi("2019-04?sort=closedOnTimeRate,asc").get("departments")
                .findValuesAsText("departmentCode");
        assertThat(byClosedOnTime.get(0)).isEqualTo("GD-AMR");
        List<String> byName = kpi("2019-04?sort=department,desc").get("departments")
                .findValuesAsText("departmentCode");
        assertThat(byName).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void aBadMonthOrSortIsAProblem() throws Exception {
        for (String month : new String[] {"2019-13", "April", "2019-4"}) {
            mvc.perform(get("/api/kpi/months/" + month).with(httpBasic("supervisor", "supervisor")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("urn:opensupervision:problem:validation-failed"))
                    .andExpect(jsonPath("$.errors[0].field").value("month"));
        }
        mvc.perform(get("/api/kpi/months/2019-04?sort=score,desc").with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
    }

    @Test
    void thePageShowsTheMonthInBothLanguages() throws Exception {
        String zh = mvc.perform(get("/staff/kpi?month=2019-04&sort=received,desc")
                        .with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("月度指标", "首次反馈及时率", "省市场监督管理局", "33.3%", "66.7%");
        String en = mvc.perform(get("/staff/kpi?month=2019-04&lang=en").with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("Monthly KPIs", "First feedback on time", "No score and no ranking");
        mvc.perform(get("/staff/kpi?month=2019-13").with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isBadRequest());
    }
}
