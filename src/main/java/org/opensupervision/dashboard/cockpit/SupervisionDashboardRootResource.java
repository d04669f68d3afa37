package org.opensupervision.dashboard.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/**
 * The plugin's REST root inside Cockpit's own JAX-RS application: {@code plugin.js} and its other assets under
 * {@code static/app/…} (inherited), the overview under {@code {engine}/overview}. Camunda's webapp security filter lets
 * only a logged-in webapp session reach {@code {engine}/…} (401 otherwise); who may see what is decided in
 * {@link ProvinceOverviewResource}.
 */
@Path("plugin/" + SupervisionCockpitPlugin.ID)
public class SupervisionDashboardRootResource extends AbstractCockpitPluginRootResource {

    public SupervisionDashboardRootResource() {
        super(SupervisionCockpitPlugin.ID);
    }

    @Path("{engine}/overview")
    public ProvinceOverviewResource overview(@PathParam("engine") String engineName) {
        return subResource(new ProvinceOverviewResource(engineName, servletContext), engineName);
    }
}
