package org.opensupervision.dashboard.cockpit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.opensupervision.access.StaffGroups;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * {@code GET /camunda/api/cockpit/plugin/supervision-dashboard/{engine}/overview[?lang=en]}: the province overview as
 * JSON, for the user of the Cockpit (or Tasklist) session, under the same rules as the staff pages. The user and
 * groups are the webapp session's ({@link Authentications#getCurrent()}, set by Camunda's authentication filter in
 * both identities: the embedded login and, with the {@code keycloak} profile, the container-based login that copies
 * the token's groups), turned into the {@code GROUP_<id>} authorities that
 * {@link org.opensupervision.access.StaffScope} reads. Jersey creates this object per request, outside Spring: the
 * beans come from the servlet context's application context.
 */
public class ProvinceOverviewResource extends AbstractCockpitPluginResource {

    private final ServletContext servletContext;

    public ProvinceOverviewResource(String engineName, ServletContext servletContext) {
        super(engineName);
        this.servletContext = servletContext;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response overview(@QueryParam("lang") String lang) {
        Locale locale = lang != null && lang.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH
                : Locale.SIMPLIFIED_CHINESE;
        CockpitOverview overview = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext)
                .getBean(CockpitOverview.class);
        CockpitOverview.Answer answer = overview.answer(engineName, login(), locale,
                servletContext.getContextPath());
        return Response.status(answer.status()).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(answer.json()).build();
    }

    /** The webapp session's user as a Spring login with its groups, or null when there is none. */
    private Authentication login() {
        Authentications current = Authentications.getCurrent();
        if (current == null
                || !(current.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user)) {
            return null;
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (user.getGroupIds() != null) {
            user.getGroupIds().forEach(g -> authorities.add(new SimpleGrantedAuthority(StaffGroups.authority(g))));
        }
        return UsernamePasswordAuthenticationToken.authenticated(user.getName(), null, authorities);
    }
}
