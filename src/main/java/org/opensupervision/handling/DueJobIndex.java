package org.opensupervision.handling;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;

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
 * The index is created after the engine has built (and created or updated) its schema, so it works on a fresh
 * database whichever of Flyway and the engine starts first; {@code if not exists} makes it a no-op on every later
 * start (H2 and PostgreSQL both).
 */
@Component
class DueJobIndex extends AbstractProcessEnginePlugin {

    static final String NAME = "ACT_IDX_JOB_DUEDATE";

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
            throw new IllegalStateException("Could not create the index " + NAME + " on " + table, ex);
        }
        log.info("Index {} on {}(DUEDATE_) for the job executor's acquisition is in place", NAME, table);
    }
}
