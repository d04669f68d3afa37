package org.opensupervision.handling;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Locale;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An index on the due date of the engine's jobs, which Camunda's schema lacks. The job executor's acquisition query
 * ({@code selectNextJobsToExecute}: due date, then lock, retries and suspension) otherwise reads every row of
 * {@code ACT_RU_JOB} at every acquisition; with two or three timers per open complaint that is 200,000+ rows at
 * 100,000 open complaints, and deadlines wait for it (docs/architecture.md, "Deadlines").
 * <p>
 * Every job gets a due date (Camunda's {@code ensureJobDueDateNotNull}: a job to run at once is due now), so the
 * query's condition is the plain range {@code DUEDATE_ <= now} instead of {@code DUEDATE_ is null or DUEDATE_ <= now},
 * which H2 cannot answer from an index at all. Jobs written without a due date before this setting are given one at
 * start, or the acquisition would never see them.
 * <p>
 * The acquisition also orders by priority (the rule checks' -10 wait behind the deadlines), and takes only as many
 * jobs as the workers' queue has room for, often one or two: with thousands of jobs due at once, each acquisition read
 * every due row, probed each for a locked job of its instance and sorted them all to hand out two, several times a
 * second (docs/benchmarks.md, figure 2, round two). A second index in the query's order, priority first and due date
 * next, lets the database read the due jobs of the highest priority in order and stop at the few it needs. The query's
 * check that no other job of the same instance is running ({@code not exists} a locked exclusive job) is answered on
 * PostgreSQL by reading the whole job table once per acquisition; a partial index of the locked jobs (a few dozen at
 * any time) answers it from those alone (H2 has no partial indexes, and is not what a burst runs on). Measured with
 * 30,000 jobs due among 68,000 (EXPLAIN ANALYZE of the query as the engine sends it, on a loaded machine): 220–540 ms
 * per acquisition before, 0.4–1.9 ms with both indexes.
 * <p>
 * The indexes are created after the engine has built (and created or updated) its schema, so they work on a fresh
 * database whichever of Flyway and the engine starts first; {@code if not exists} makes it a no-op on every later
 * start (H2 and PostgreSQL both).
 */
@Component
class DueJobIndex extends AbstractProcessEnginePlugin {

    static final String NAME = "ACT_IDX_JOB_DUEDATE";
    static final String ACQUISITION = "ACT_IDX_JOB_ACQUISITION";
    static final String LOCKED = "ACT_IDX_JOB_LOCKED";

    private static final Logger log = LoggerFactory.getLogger(DueJobIndex.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnsureJobDueDateNotNull(true);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        DataSource dataSource = configuration.getDataSource();
        String table = configuration.getDatabaseTablePrefix() + "ACT_RU_JOB";
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create index if not exists " + NAME + " on " + table + " (DUEDATE_)");
            statement.execute("create index if not exists " + ACQUISITION + " on " + table
                    + " (PRIORITY_ desc, DUEDATE_)");
            if (connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
                statement.execute("create index if not exists " + LOCKED + " on " + table
                        + " (PROCESS_INSTANCE_ID_) where LOCK_OWNER_ is not null");
            }
            try (PreparedStatement undated = connection.prepareStatement(
                    "update " + table + " set DUEDATE_ = ? where DUEDATE_ is null")) {
                undated.setTimestamp(1, new Timestamp(ClockUtil.getCurrentTime().getTime()));
                int dated = undated.executeUpdate();
                if (dated > 0) {
                    log.info("{} jobs without a due date made due now", dated);
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("Could not create the job executor's indexes on " + table, ex);
        }
        log.info("Indexes {} on {}(DUEDATE_), {} on (PRIORITY_ desc, DUEDATE_) and (PostgreSQL) {} of the locked jobs "
                + "for the job executor's acquisition are in place", NAME, table, ACQUISITION, LOCKED);
    }
}
