package org.opensupervision.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opensupervision.IntegrationTest;
import org.opensupervision.OwnsPeriod;
import org.opensupervision.handling.CaseDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A final KPI month (issue 17): June 2019, a month this class owns, ends at 1 July 00:00 China Standard Time (30 June
 * 16:00 UTC) and is final one day later (the default grace). Inside the grace it is computed live; after it, computed
 * once by the same queries, stored, and read back as it was, whatever happens to its cases later, until recomputed.
 * Runs on H2 and, tagged {@code database}, on PostgreSQL.
 */
@OwnsPeriod(value = "2019-06", because = "stores, changes and recomputes the KPI month over its own rows")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClosedKpiMonthTest extends IntegrationTest {

    private static final String PREFIX = "TS2019CKM-";
    private static final YearMonth JUNE = YearMonth.of(2019, 6);
    private static final Instant JUNE_ENDS = Instant.parse("2019-06-30T16:00:00Z");

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SupervisionDashboards dashboards;

    private long nextId = 900_100_000L;

    @BeforeAll
    void juneOf2019() {
        complaint("a", "GD-AMR", "CLOSED", "2019-06-03T02:00:00Z", "2019-06-03T05:00:00Z", "2019-06-20T02:00:00Z", 0);
        long b = complaint("b", "GD-AMR", "CLOSED", "2019-06-04T02:00:00Z", "2019-06-06T02:00:00Z",
                "2019-06-28T02:00:00Z", 1);
        complaint("c", "GD-EDU", "IN_HANDLING", "2019-06-10T02:00:00Z", "2019-06-10T03:00:00Z", null, 0);
        jdbc.update("insert into deadline_breach (complaint_id, department_code, kind, due_at, recorded_at) "
                + "values (?, 'GD-AMR', 'FIRST_FEEDBACK', ?, ?)", b, time("2019-06-05T02:00:00Z"),
                time("2019-06-05T02:00:00Z"));
        jdbc.update("insert into citizen_rating (tracking_number, round, department_code, opened_at, due_at, status, "
                + "level, rated_at, version) values (?, 1, 'GD-AMR', ?, ?, 'RATED', 2, ?, 0)", PREFIX + "a",
                time("2019-06-21T02:00:00Z"), time("2019-06-21T02:00:00Z"), time("2019-06-21T02:00:00Z"));
    }

    @BeforeEach
    void juneNotStoredYet() {
        jdbc.update("delete from kpi_month_figures where period = '2019-06'");
    }

    @AfterAll
    void removeTheRows() {
        jdbc.update("delete from citizen_rating where tracking_number like ?", PREFIX + "%");
        jdbc.update("delete from deadline_breach where complaint_id in (select id from complaint "
                + "where tracking_number like ?)", PREFIX + "%");
        jdbc.update("delete from complaint where tracking_number like ?", PREFIX + "%");
        jdbc.update("delete from kpi_month_figures where period = '2019-06'");
    }

    @Test
    void aMonthInsideItsGracePeriodIsComputedLiveAndNotStored() throws Exception {
        CaseDriver.moveClockTo(JUNE_ENDS.plus(Duration.ofDays(1)).minusSeconds(1));
        JsonNode june = kpi("supervisor");

        assertThat(june.has("computedAt")).as("a live month has no computedAt").isFalse();
        assertThat(row(june, "GD-AMR").get("received").asLong()).isEqualTo(2);
        assertThat(stored()).isZero();
        assertThat(dashboards.kpiMonth(JUNE).stored()).isFalse();
        assertThat(dashboards.recomputeKpiMonth(JUNE, "test")).as("nothing to recompute before it is final").isEmpty();
        mvc.perform(post("/api/kpi/months/2019-06/recompute").with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:opensupervision:problem:conflict"));
        assertThat(stored()).isZero();
    }

    @Test
    void aFinalMonthIsComputedOnceAndReadBackAsTheLiveComputationHadIt() throws Exception {
        CaseDriver.moveClockTo(JUNE_ENDS.plus(Duration.ofHours(3)));
        JsonNode live = kpi("supervisor");
        CaseDriver.moveClockTo(JUNE_ENDS.plus(Duration.ofDays(1)));
        JsonNode first = kpi("supervisor");
        long rows = stored();
        CaseDriver.moveClockTo(JUNE_ENDS.plus(Duration.ofDays(40)));
        JsonNode again = kpi("supervisor");

        assertThat(first.get("computedAt").asText()).isEqualTo(JUNE_ENDS.plus(Duration.ofDays(1)).toString());
        assertThat(first.get("departments")).as("stored as computed live").isEqualTo(live.get("departments"));
        assertThat(rows).as("one row per department").isEqualTo(live.get("departments").size());
        assertThat(again).as("read back, not computed again").isEqualTo(first);
        assertThat(stored()).isEqualTo(rows);
        JsonNode amr = row(again, "GD-AMR");
        assertThat(amr.get("received").asLong()).isEqualTo(2);
        assertThat(amr.get("closed").asLong()).isEqualTo(2);
        assertThat(amr.get("reworked").asLong()).isEqualTo(1);
        assertThat(amr.get("firstFeedbackBreaches").asLong()).isEqualTo(1);
        assertThat(amr.get("badRatings").asLong()).isEqualTo(1);
        assertThat(row(again, "GD-EDU").get("received").asLong()).isEqualTo(1);
        JsonNode sorted = json.readTree(mvc.perform(get("/api/kpi/months/2019-06?sort=received,desc")
                        .with(httpBasic("evaluator", "evaluator"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        assertThat(sorted.get("departments").findValuesAsText("departmentCode").subList(0, 2))
                .containsExactly("GD-AMR", "GD-EDU");
    }

    @Test
    void aChangeToItsCasesLeavesAStoredMonthAsItWasUntilItIsRecomputed() throws Exception {
        JsonNode before = kpi("supervisor");
        assertThat(before.has("computedAt")).isTrue();
        complaint("late", "GD-AMR", "AWAITING_FIRST_FEEDBACK", "2019-06-29T02:00:00Z", null, null, 0);
        try {
            assertThat(kpi("supervisor")).as("the stored month, not the changed cases").isEqualTo(before);

            mvc.perform(post("/api/kpi/months/2019-06/recompute").with(httpBasic("evaluator", "evaluator")))
                    .andExpect(status().isForbidden());
            assertThat(kpi("supervisor")).isEqualTo(before);

            CaseDriver.moveClockTo(Instant.now().plusSeconds(60));
            JsonNode recomputed = json.readTree(mvc.perform(post("/api/kpi/months/2019-06/recompute")
                            .with(httpBasic("supervisor", "supervisor"))).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString());
            assertThat(row(recomputed, "GD-AMR").get("received").asLong()).isEqualTo(3);
            assertThat(Instant.parse(recomputed.get("computedAt").asText()))
                    .isAfter(Instant.parse(before.get("computedAt").asText()));
            assertThat(kpi("supervisor")).as("the recomputed month is the stored one now").isEqualTo(recomputed);
        } finally {
            jdbc.update("delete from complaint where tracking_number = ?", PREFIX + "late");
        }
    }

    @Test
    void twoRequestsForAMonthNotStoredYetStoreItOnce() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        Callable<KpiMonth> read = () -> {
            start.await();
            return dashboards.kpiMonth(JUNE);
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<KpiMonth>> both = List.of(pool.submit(read), pool.submit(read));
            start.countDown();
            KpiMonth one = both.get(0).get();
            KpiMonth other = both.get(1).get();

            assertThat(one.stored()).isTrue();
            assertThat(other.departments()).isEqualTo(one.departments());
            assertThat(stored()).isEqualTo(one.departments().size());
            assertThat(dashboards.kpiMonth(JUNE).computedAt()).isIn(one.computedAt(), other.computedAt());
        } finally {
            pool.shutdownNow();
        }
    }

    private JsonNode kpi(String user) throws Exception {
        return json.readTree(mvc.perform(get("/api/kpi/months/2019-06").with(httpBasic(user, user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private long stored() {
        return jdbc.queryForObject("select count(*) from kpi_month_figures where period = '2019-06'", Long.class);
    }

    private static JsonNode row(JsonNode month, String department) {
        for (JsonNode row : month.get("departments")) {
            if (row.get("departmentCode").asText().equals(department)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + department);
    }

    private long complaint(String name, String department, String status, String submitted, String firstFeedback,
                           String closed, int rework) {
        long id = nextId++;
        Instant at = Instant.parse(submitted);
        jdbc.update("insert into complaint (id, tracking_number, department_code, handling_department_code, category, "
                        + "title, description, anonymous, status, submitted_at, first_feedback_due_at, "
                        + "first_feedback_at, closed_at, rework_count, redirect_count, version) "
                        + "values (?, ?, ?, ?, 'OTHER', 'KPI', 'KPI', false, ?, ?, ?, ?, ?, ?, 0, 0)",
                id, PREFIX + name, department, department, status, time(submitted),
                time(at.plusSeconds(86_400).toString()), time(firstFeedback), time(closed), rework);
        return id;
    }

    private static OffsetDateTime time(String instant) {
        return instant == null ? null : Instant.parse(instant).atOffset(ZoneOffset.UTC);
    }
}
