package org.opensupervision.workflow;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

import org.apache.ibatis.builder.xml.XMLConfigBuilder;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.defaults.DefaultSqlSessionFactory;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.apache.ibatis.transaction.managed.ManagedTransactionFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ReflectUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The engine's SQL mappings parsed on a thread of their own while the rest of the application starts (issue 17,
 * start-up). Camunda parses its MyBatis mappings (several thousand lines of XML, read through the JDK's XPath) on the
 * main thread when the engine is built, a fifth of the main thread's work to ready; nothing else waits for them
 * until then, so on a second core they are ready by the time the engine needs them.
 * <p>
 * {@link Initializer} (META-INF/spring.factories) starts the parse before the context refreshes, for the database
 * type the configured JDBC URL names (H2 or PostgreSQL; any other URL: no parse in advance) and the configured table
 * prefix. {@link Plugin} hands the result to the engine in {@code preInit}, exactly as
 * {@code ProcessEngineConfigurationImpl#initSqlSessionFactory} would have built it (the same mapping file, the same
 * properties from Camunda's own {@code initSqlSessionFactoryProperties}, statement timeout and batch executor), but
 * only when the engine's database type (from the database itself, as Camunda determines it) and prefix are the ones
 * parsed for; otherwise, or when the parse failed, Camunda parses as it always does. {@code EngineMappingsInAdvanceTest}
 * compares the result with Camunda's own for both databases.
 */
public final class EngineMappingsInAdvance {

    private static final Logger log = LoggerFactory.getLogger(EngineMappingsInAdvance.class);

    static final String BEAN_NAME = "engineMappingsInAdvance";

    final String databaseType;
    final String tablePrefix;
    final CompletableFuture<Configuration> parsed;

    private EngineMappingsInAdvance(String databaseType, String tablePrefix, CompletableFuture<Configuration> parsed) {
        this.databaseType = databaseType;
        this.tablePrefix = tablePrefix;
        this.parsed = parsed;
    }

    /** Starts the parse for the database the environment's JDBC URL names, or returns null if it names neither. */
    static EngineMappingsInAdvance start(Environment environment) {
        String type = databaseType(environment.getProperty("spring.datasource.url", ""));
        if (type == null) {
            return null;
        }
        String prefix = environment.getProperty("camunda.bpm.database.table-prefix", "");
        CompletableFuture<Configuration> parsed = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                long began = System.nanoTime();
                Configuration configuration = parse(type, prefix);
                log.info("Engine mappings for {} parsed in advance in {} ms", type,
                        (System.nanoTime() - began) / 1_000_000);
                parsed.complete(configuration);
            } catch (Throwable failed) {
                parsed.completeExceptionally(failed);
            }
        }, "engine-mappings");
        thread.setDaemon(true);
        thread.start();
        return new EngineMappingsInAdvance(type, prefix, parsed);
    }

    /** Camunda's database type for a JDBC URL, for the two databases the platform runs on; null for any other. */
    static String databaseType(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:h2:")) {
            return "h2";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return "postgres";
        }
        return null;
    }

    /** The MyBatis configuration as Camunda's initSqlSessionFactory parses it, before the environment is known. */
    static Configuration parse(String databaseType, String tablePrefix) throws Exception {
        Properties properties = new Properties();
        properties.put("prefix", tablePrefix);
        ProcessEngineConfigurationImpl.initSqlSessionFactoryProperties(properties, tablePrefix, databaseType);
        try (InputStream mappings = ReflectUtil.getResourceAsStream(
                ProcessEngineConfigurationImpl.DEFAULT_MYBATIS_MAPPING_FILE);
             Reader reader = new InputStreamReader(mappings, StandardCharsets.UTF_8)) {
            return new XMLConfigBuilder(reader, "", properties).parse();
        }
    }

    /** Registers the parse, started now, for {@link Plugin}. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            EngineMappingsInAdvance started = start(context.getEnvironment());
            if (started != null) {
                context.getBeanFactory().registerSingleton(BEAN_NAME, started);
            }
        }
    }

    /** Gives the engine the mappings parsed in advance, when they fit its database. */
    @Component
    static class Plugin extends AbstractProcessEnginePlugin {

        private final ObjectProvider<EngineMappingsInAdvance> inAdvance;

        Plugin(ObjectProvider<EngineMappingsInAdvance> inAdvance) {
            this.inAdvance = inAdvance;
        }

        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
            EngineMappingsInAdvance mappings = inAdvance.getIfAvailable();
            if (mappings == null || configuration.getSqlSessionFactory() != null
                    || configuration.isUseSharedSqlSessionFactory() || configuration.getDataSource() == null) {
                return;
            }
            if (configuration.getDatabaseType() == null) {
                // What initDataSource would do a moment later: the type from the database's own product name.
                configuration.initDatabaseType();
            }
            if (!mappings.databaseType.equals(configuration.getDatabaseType())
                    || !mappings.tablePrefix.equals(configuration.getDatabaseTablePrefix())) {
                log.info("Engine mappings parsed in advance for {} with prefix '{}' do not fit the engine ({}, '{}'); "
                        + "the engine parses its own", mappings.databaseType, mappings.tablePrefix,
                        configuration.getDatabaseType(), configuration.getDatabaseTablePrefix());
                return;
            }
            Configuration parsed;
            try {
                if (!mappings.parsed.isDone()) {
                    long began = System.nanoTime();
                    mappings.parsed.join();
                    log.info("The engine waited {} ms for the mappings parsed in advance",
                            (System.nanoTime() - began) / 1_000_000);
                }
                parsed = mappings.parsed.get();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception failed) {
                log.warn("Engine mappings parsed in advance failed; the engine parses its own", failed);
                return;
            }
            if (configuration.getTransactionFactory() == null) {
                // What initTransactionFactory would set: the engine keeps a factory that is already there.
                configuration.setTransactionFactory(configuration.isTransactionsExternallyManaged()
                        ? new ManagedTransactionFactory() : new JdbcTransactionFactory());
            }
            parsed.setEnvironment(new org.apache.ibatis.mapping.Environment("default",
                    configuration.getTransactionFactory(), configuration.getDataSource()));
            parsed.setDefaultStatementTimeout(configuration.getJdbcStatementTimeout());
            if (configuration.isJdbcBatchProcessing()) {
                parsed.setDefaultExecutorType(ExecutorType.BATCH);
            }
            configuration.setSqlSessionFactory(new DefaultSqlSessionFactory(parsed));
        }
    }
}
