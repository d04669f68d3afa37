package org.opensupervision.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opensupervision.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine runs on the SQL mappings parsed in advance (on H2 and, in the build's second run, on PostgreSQL), and
 * they are what Camunda's own parse gives for that database: the same statements, result maps, properties and
 * executor. A Camunda upgrade that parses differently fails here instead of running on stale mappings.
 */
class EngineMappingsInAdvanceTest extends IntegrationTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    EngineMappingsInAdvance inAdvance;

    @Test
    void theEngineRunsOnTheMappingsParsedInAdvance() throws Exception {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

        assertThat(configuration.getSqlSessionFactory().getConfiguration())
                .as("the engine's MyBatis configuration").isSameAs(inAdvance.parsed.get());
        assertThat(configuration.getDatabaseType()).isEqualTo(inAdvance.databaseType);
        assertThat(configuration.getSqlSessionFactory().getConfiguration().getEnvironment().getDataSource())
                .as("the engine's own data source, set in preInit").isSameAs(configuration.getDataSource());
        assertThat(configuration.getSqlSessionFactory().getConfiguration().getDefaultExecutorType())
                .isEqualTo(configuration.isJdbcBatchProcessing() ? ExecutorType.BATCH : ExecutorType.SIMPLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theMappingsParsedInAdvanceAreCamundasOwn(String databaseType) throws Exception {
        Configuration camundas = new CamundasOwnParse().parse(databaseType);
        Configuration ours = EngineMappingsInAdvance.parse(databaseType, "");

        assertThat(ours.getVariables()).isEqualTo(camundas.getVariables());
        assertThat(statements(ours)).isEqualTo(statements(camundas)).hasSizeGreaterThan(500);
        assertThat(resultMaps(ours)).isEqualTo(resultMaps(camundas));
        assertThat(ours.getTypeHandlerRegistry().getTypeHandlers()).hasSameSizeAs(
                camundas.getTypeHandlerRegistry().getTypeHandlers());
        assertThat(ours.getTypeAliasRegistry().getTypeAliases()).isEqualTo(camundas.getTypeAliasRegistry().getTypeAliases());
    }

    @Test
    void onlyTheTwoDatabasesOfThePlatformAreParsedInAdvance() {
        assertThat(EngineMappingsInAdvance.databaseType("jdbc:h2:file:./data/supervision")).isEqualTo("h2");
        assertThat(EngineMappingsInAdvance.databaseType("jdbc:postgresql://db:5432/supervision")).isEqualTo("postgres");
        assertThat(EngineMappingsInAdvance.databaseType("jdbc:mysql://db/supervision")).isNull();
        assertThat(EngineMappingsInAdvance.databaseType("")).isNull();
    }

    /** Each statement: its kind, its SQL source's kind, its result maps and its parameter type. */
    private static Map<String, String> statements(Configuration configuration) {
        Map<String, String> statements = new TreeMap<>();
        for (String name : configuration.getMappedStatementNames()) {
            MappedStatement statement = configuration.getMappedStatement(name);
            statements.put(statement.getId(), statement.getSqlCommandType() + " " + statement.getStatementType()
                    + " " + statement.getSqlSource().getClass().getSimpleName()
                    + " " + statement.getResultMaps().stream().map(ResultMap::getId).toList()
                    + " " + statement.getParameterMap().getType());
        }
        return statements;
    }

    private static Map<String, String> resultMaps(Configuration configuration) {
        Map<String, String> maps = new TreeMap<>();
        for (String name : configuration.getResultMapNames()) {
            if (name.contains(".")) { // the full names; a short name may be ambiguous
                ResultMap map = configuration.getResultMap(name);
                maps.put(map.getId(), map.getType() + " " + map.getResultMappings().size());
            }
        }
        return maps;
    }

    /** Camunda's initSqlSessionFactory itself, for a database type (the data source is never connected to). */
    private static final class CamundasOwnParse extends StandaloneProcessEngineConfiguration {

        Configuration parse(String type) {
            setDatabaseType(type);
            setTransactionFactory(new JdbcTransactionFactory());
            JdbcDataSource unused = new JdbcDataSource();
            unused.setURL("jdbc:h2:mem:never-connected");
            setDataSource(unused);
            initSqlSessionFactory();
            Configuration parsed = getSqlSessionFactory().getConfiguration();
            assertThat(parsed.getDefaultExecutorType()).isEqualTo(ExecutorType.BATCH);
            return parsed;
        }
    }
}
