package org.opensupervision.audit;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Registers the audit handler before Camunda's database history handler (wrapped in {@link CamundaHistoryWriter},
 * which leaves out the rows that repeat the audit trail and that nobody reads; the audit handler still sees every
 * event), the history level
 * {@value FullHistoryWithoutVariableDetails#NAME} (named in {@code camunda.bpm.history-level}), and the engine's
 * history cleanup: removal time from the end of the process instance plus the history time to live
 * ({@code supervision.audit.engine-history-time-to-live}, the default of every model, which states none), removed in
 * a nightly window. The audit trail keeps a case for {@code supervision.audit.retention}; Camunda's history only
 * serves Cockpit and the running work, and goes much earlier.
 */
@Component
class AuditEnginePlugin extends AbstractProcessEnginePlugin {

    private final AuditTrail trail;
    private final AuditProperties properties;

    AuditEnginePlugin(AuditTrail trail, AuditProperties properties) {
        this.trail = trail;
        this.properties = properties;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = new ArrayList<>();
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        handlers.add(new EngineAuditHandler(trail, properties.redactedVariables(),
                properties.displayOnlyVariables()));
        // Camunda's database handler, last as by default, but through the writer that leaves out what nobody reads.
        handlers.add(new CamundaHistoryWriter(properties.camundaHistory()));
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        List<HistoryLevel> levels = new ArrayList<>();
        if (configuration.getCustomHistoryLevels() != null) {
            levels.addAll(configuration.getCustomHistoryLevels());
        }
        levels.add(new FullHistoryWithoutVariableDetails());
        configuration.setCustomHistoryLevels(levels);
        configuration.setHistoryTimeToLive(properties.engineHistoryTimeToLive());
        configuration.setHistoryRemovalTimeStrategy(ProcessEngineConfigurationImpl.HISTORY_REMOVAL_TIME_STRATEGY_END);
        configuration.setHistoryCleanupStrategy(ProcessEngineConfigurationImpl.HISTORY_CLEANUP_STRATEGY_REMOVAL_TIME_BASED);
        configuration.setHistoryCleanupBatchWindowStartTime(properties.historyCleanupWindowStart());
        configuration.setHistoryCleanupBatchWindowEndTime(properties.historyCleanupWindowEnd());
    }
}
