package org.opensupervision.audit;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Registers the audit handler next to Camunda's default database history handler (which stays on), and sets up the
 * engine's history cleanup: removal time from the end of the process instance plus its model's historyTimeToLive,
 * removed in a nightly window.
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
        handlers.add(new EngineAuditHandler(trail, properties.redactedVariables()));
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(true);
        configuration.setHistoryRemovalTimeStrategy(ProcessEngineConfigurationImpl.HISTORY_REMOVAL_TIME_STRATEGY_END);
        configuration.setHistoryCleanupStrategy(ProcessEngineConfigurationImpl.HISTORY_CLEANUP_STRATEGY_REMOVAL_TIME_BASED);
        configuration.setHistoryCleanupBatchWindowStartTime(properties.historyCleanupWindowStart());
        configuration.setHistoryCleanupBatchWindowEndTime(properties.historyCleanupWindowEnd());
    }
}
