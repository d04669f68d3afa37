package org.opensupervision.handling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's job table has the indexes the job executor's acquisition needs (priority then due date; on PostgreSQL
 * the locked jobs, on H2 the due date), and every job a due date, on H2 and PostgreSQL.
 */
class DueJobIndexTest extends IntegrationTest {

    /**
     * The acquisition query's conditions on the job table, as in Camunda's {@code Job.xml} when every job has a due
     * date ({@code ensureJobDueDateNotNull}).
     */
    private static final String ACQUISITION_CONDITIONS = "from ACT_RU_JOB RES where (RES.RETRIES_ > 0)"
            + " and (RES.DUEDATE_ <= CURRENT_TIMESTAMP)"
            + " and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < CURRENT_TIMESTAMP) and RES.SUSPENSION_STATE_ = 1";

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ProcessEngine engine;
    @Autowired
    DueJobIndex index;
    @Autowired
    CaseDriver cases;
    @Autowired
    ManagementService management;
    @Autowired
    ProcessEngineConfigurationImpl engineConfiguration;

    @Test
    void onH2TheJobTableIsIndexedByDueDateOnAFreshDatabase() throws SQLException {
        assumeTrue(!isPostgres(), "H2 only");
        assertThat(indexedColumns(DueJobIndex.NAME)).contains("duedate_");
    }

    @Test
    void onPostgresTheDueDateIndexOfAnEarlierVersionIsDroppedAtTheNextStart() throws SQLException {
        assumeTrue(isPostgres(), "PostgreSQL only");
        assertThat(indexedColumns(DueJobIndex.NAME)).isEmpty();
        jdbc.execute("create index " + DueJobIndex.NAME + " on ACT_RU_JOB (DUEDATE_)");
        assertThat(indexedColumns(DueJobIndex.NAME)).containsExactly("duedate_");

        index.postProcessEngineBuild(engine);

        assertThat(indexedColumns(DueJobIndex.NAME)).isEmpty();
        assertThat(indexedColumns(DueJobIndex.ACQUISITION)).containsExactly("priority_", "duedate_");
    }

    @Test
    void theJobTableIsIndexedInTheAcquisitionsOrderPriorityFirst() throws SQLException {
        assertThat(indexedColumns(DueJobIndex.ACQUISITION)).containsExactly("priority_", "duedate_");
        if (isPostgres()) {
            assertThat(jdbc.queryForObject("select indexdef from pg_indexes where indexname = ?", String.class,
                    DueJobIndex.LOCKED.toLowerCase())).contains("(process_instance_id_)")
                    .contains("WHERE (lock_owner_ IS NOT NULL)");
        }
    }

    @Test
    void creatingTheIndexesAgainAtTheNextStartChangesNothing() throws SQLException {
        index.postProcessEngineBuild(engine);
        index.postProcessEngineBuild(engine);

        assertThat(indexedColumns(DueJobIndex.NAME)).isEqualTo(isPostgres() ? List.of() : List.of("duedate_"));
        assertThat(indexedColumns(DueJobIndex.ACQUISITION)).containsExactly("priority_", "duedate_");
    }

    @Test
    void everyJobHasADueDateSoTheAcquisitionNeedsNoNullCheck() {
        String trackingNumber = cases.file(CaseDriver.submission("GD-HRSS", "SLOW_ACTION", null));

        assertThat(engineConfiguration.isEnsureJobDueDateNotNull()).isTrue();
        assertThat(management.createJobQuery().processInstanceId(cases.processInstanceId(trackingNumber)).list())
                .isNotEmpty().allSatisfy(job -> assertThat(job.getDuedate()).isNotNull());
    }

    @Test
    void aJobWrittenWithoutADueDateIsMadeDueAtTheNextStart() {
        // Its routing job: a job due now anyway (a deadline timer made due would record a breach).
        String trackingNumber = cases.fileWithRoutingJob(CaseDriver.submission("GD-HRSS", "SLOW_ACTION", null));
        String processInstanceId = cases.processInstanceId(trackingNumber);
        jdbc.update("update ACT_RU_JOB set DUEDATE_ = null where PROCESS_INSTANCE_ID_ = ?", processInstanceId);

        index.postProcessEngineBuild(engine);

        assertThat(management.createJobQuery().processInstanceId(processInstanceId).executable().list())
                .isNotEmpty().allSatisfy(job -> assertThat(job.getDuedate()).isNotNull());
        cases.runDueJobs(trackingNumber);
        assertThat(cases.dueJobs(trackingNumber)).isEmpty();
    }

    @Test
    void theAcquisitionQueryCanUseTheIndex() {
        String plan = transaction.execute(status -> {
            if (isPostgres()) {
                // The suite's job table is small: make the planner show whether it could use the index at all.
                jdbc.execute("set local enable_seqscan = off");
            }
            return String.join("\n", jdbc.queryForList("explain select RES.ID_ " + ACQUISITION_CONDITIONS,
                    String.class));
        });
        // Either index answers the due-date condition (PostgreSQL takes the acquisition's, whose second column it is).
        assertThat(plan.toUpperCase()).containsAnyOf(DueJobIndex.NAME, DueJobIndex.ACQUISITION);
    }

    @Test
    void theAcquisitionByPriorityCanReadTheDueJobsInItsOrderWithoutSortingThemAll() {
        // H2 plans by its own rules (it reads the due-date index, then sorts); a burst of deadlines runs on PostgreSQL.
        assumeTrue(isPostgres(), "PostgreSQL only");
        String plan = transaction.execute(status -> {
            jdbc.execute("set local enable_seqscan = off");
            jdbc.execute("set local enable_sort = off");
            return String.join("\n", jdbc.queryForList("explain select RES.ID_ " + ACQUISITION_CONDITIONS
                    + " order by RES.PRIORITY_ desc limit 3", String.class));
        });
        assertThat(plan.toUpperCase()).contains(DueJobIndex.ACQUISITION);
    }

    @Test
    void aBurstOfJobsDueSinceTheLastStatisticsIsStillReadInTheAcquisitionsOrder() {
        assumeTrue(isPostgres(), "PostgreSQL only");
        String trackingNumber = cases.file(CaseDriver.submission("GD-HRSS", "SLOW_ACTION", null));
        String processInstanceId = cases.processInstanceId(trackingNumber);
        String plan = transaction.execute(status -> {
            // 6,000 timers due next year, as the planner's statistics see them; then 2,000 of them fall due at once.
            jdbc.update("insert into ACT_RU_JOB select r.* from (select * from ACT_RU_JOB where PROCESS_INSTANCE_ID_ = ?"
                    + " limit 1) j, generate_series(1, 6000) g, lateral jsonb_populate_record(null::act_ru_job, to_jsonb(j)"
                    + " || jsonb_build_object('id_', j.id_ || '-burst-' || g, 'duedate_', now() + interval '365 days',"
                    + " 'lock_owner_', null, 'lock_exp_time_', null)) r", processInstanceId);
            jdbc.execute("analyze ACT_RU_JOB");
            jdbc.update("update ACT_RU_JOB set DUEDATE_ = now() - interval '1 second' where ID_ like '%-burst-%'"
                    + " and cast(substring(ID_ from '-burst-([0-9]+)$') as integer) <= 2000");
            String explained = String.join("\n", jdbc.queryForList("explain select RES.ID_ " + ACQUISITION_CONDITIONS
                    + " order by RES.PRIORITY_ desc limit 30", String.class));
            status.setRollbackOnly();
            return explained;
        });
        // Not every due job read through a due-date index and sorted: the acquisition index, in order, stops at 30.
        assertThat(plan.toUpperCase()).contains(DueJobIndex.ACQUISITION).doesNotContain("SORT");
    }

    private List<String> indexedColumns(String indexName) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String table = isPostgres() ? "act_ru_job" : "ACT_RU_JOB";
            try (ResultSet rs = meta.getIndexInfo(null, null, table, false, false)) {
                while (rs.next()) {
                    if (indexName.equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
                        columns.add(rs.getString("COLUMN_NAME").toLowerCase());
                    }
                }
            }
        }
        return columns;
    }

    private boolean isPostgres() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
