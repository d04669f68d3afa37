package org.opensupervision.workflow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Started without a web server ({@code --spring.main.web-application-type=none}, as the command-line audit check is),
 * the application leaves out Camunda's REST API: its auto-configuration does not check for a web application and
 * fails for want of a Jersey servlet path. Everything else (engine, database, audit trail) starts as usual.
 */
class EngineRestNeedsAWebServer implements EnvironmentPostProcessor, Ordered {

    static final String EXCLUDE = "spring.autoconfigure.exclude";
    static final String ENGINE_REST =
            "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        WebApplicationType type = environment.getProperty("spring.main.web-application-type",
                WebApplicationType.class, application.getWebApplicationType());
        if (type != WebApplicationType.NONE) {
            return;
        }
        // Keep whatever the configuration excludes already, in whichever form it was given.
        Set<String> excluded = new LinkedHashSet<>(Binder.get(environment)
                .bind(EXCLUDE, Bindable.listOf(String.class)).orElse(List.of()));
        excluded.add(ENGINE_REST);
        environment.getPropertySources().addFirst(new MapPropertySource("engineRestNeedsAWebServer",
                Map.of(EXCLUDE, String.join(",", new ArrayList<>(excluded)))));
    }

    /** After the configuration files are read, so a web application type set there counts too. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
