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
 * The indexes the job executor's acquisition needs, which Camunda's schema lacks. Its query
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
 * On PostgreSQL the due-date index alone is dropped again (issue 17, figure 2, fifth session): the acquisition index
 * answers the due-date condition too (its second column), and as long as the due-date index exists the planner
 * prefers it whenever its statistics see few jobs due. They see that after every burst that makes many jobs due at
 * once faster than the statistics follow (jobs written due now, such as the rule checks the breaches start; due dates
 * moved by an update), and then every acquisition read all the due jobs through the due-date index and sorted them to
 * hand out 30: 18 ms against 0.2 ms by the acquisition index, with 20,000 jobs due among 60,000 and statistics taken
 * before they fell due (EXPLAIN ANALYZE). Without it the planner walks the acquisition index in those statistics: in a
 * burst of 20,000 timers 156-157 job rows read per timer against 1,192-1,256 with it, PostgreSQL's CPU per timer
 * 0.78-0.81x (docs/benchmarks.md, fifth session, the due-date index A/B; a fuller database still showed about one
 * sequential scan per acquisition, see there). H2 keeps it: it plans by its own rules and does not run the bursts.
 * <p>
 * The indexes are created (and dropped) after the engine has built (and created or updated) its schema, so they work
 * on a fresh database whichever of Flyway and the engine starts first; {@code if not exists} and {@code if exists} make
 * it a no-op on every later start (H2 and PostgreSQL both).
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
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
                    .contains("postgres");
            statement.execute("create index if not exists " + ACQUISITION + " on " + table
                    + " (PRIORITY_ desc, DUEDATE_)");
            if (postgres) {
                statement.execute("create index if not exists " + LOCKED + " on " + table
                        + " (PROCESS_INSTANCE_ID_) where LOCK_OWNER_ is not null");
                // An index lives in its table's schema: a prefix "schema." names it there.
                String prefix = configuration.getDatabaseTablePrefix();
                statement.execute("drop index if exists " + prefix.substring(0, prefix.lastIndexOf('.') + 1) + NAME);
            } else {
                statement.execute("create index if not exists " + NAME + " on " + table + " (DUEDATE_)");
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
        log.info("Indexes {} on {}(PRIORITY_ desc, DUEDATE_) and (PostgreSQL) {} of the locked jobs, (H2) {} on "
                + "(DUEDATE_) for the job executor's acquisition are in place", ACQUISITION, table, LOCKED, NAME);
    }
}
