package org.opensupervision.audit;

import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * Camunda's history level {@code full}, less one thing: the database handler writes no row to {@code ACT_HI_DETAIL}
 * for every variable write. The engine still fires every history event (the audit trail needs them all, and records
 * each value written). {@link CamundaHistoryWriter} now keeps no variable in Camunda's history at all (issue 17); the
 * level still leaves the detail rows out for a database handler used without it. Camunda asks the level about
 * {@link HistoryEventTypes#VARIABLE_INSTANCE_UPDATE_DETAIL} only before writing a detail row, so nothing else
 * changes.
 * <p>
 * The id is {@code full}'s (3) on purpose: the id is what the engine stores in and checks against the database
 * ({@code ACT_GE_PROPERTY historyLevel}), and the event stream is {@code full}'s. A database created with {@code full}
 * starts with this level and back without a "historyLevel mismatch".
 */
class FullHistoryWithoutVariableDetails extends AbstractHistoryLevel {

    static final String NAME = "full-without-variable-details";

    @Override
    public int getId() {
        return 3;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        return eventType != HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL;
    }
}
