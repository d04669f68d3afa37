package org.opensupervision.dashboard.cockpit;

import java.util.Set;

import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The Cockpit plugin "监察总览" (province overview): a tile on Cockpit's dashboard and a page of its own, fed by
 * {@link SupervisionDashboardRootResource}. Found by Cockpit through
 * {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}; its frontend is
 * {@code plugin-webapp/supervision-dashboard/app/plugin.js}. Public with a no-argument constructor: the service
 * loader creates it.
 */
public class SupervisionCockpitPlugin extends AbstractCockpitPlugin {

    /** The plugin's id: its REST resources are under {@code /camunda/api/cockpit/plugin/supervision-dashboard}. */
    public static final String ID = "supervision-dashboard";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
        return Set.of(SupervisionDashboardRootResource.class);
    }

    @Override
    public String getAssetDirectory() {
        return "plugin-webapp/" + ID;
    }
}
