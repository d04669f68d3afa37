package org.opensupervision.workflow;

import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.spring.ApplicationContextElResolver;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.engine.test.mock.MockElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Expressions resolve a name as a Spring bean before they look at the process variables: Camunda's own order asks the
 * variables first, so {@code ${recordFirstFeedbackBreach}} loaded every variable of the instance (a select and ~25
 * rows turned into objects) only to find no variable of that name, in every delegate step and every timer that runs
 * one (issue 17, figure 2: 6-8 % of a deadline burst's CPU). The resolvers are Camunda's, in the same order
 * otherwise.
 * <p>
 * The order can change a result only for a name that is both a bean and a variable, or a bean named like what the
 * engine itself passes ({@code execution}, {@code task}, ...): {@code BeansBeforeVariablesTest} checks that no bean
 * has the name of any variable the code, the models or the forms write, nor of the engine's own names.
 */
@Component
class BeansBeforeVariables extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;

    BeansBeforeVariables(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setExpressionManager(new ExpressionManager(context, configuration.getBeans()));
    }

    /** Spring's expression manager with the bean resolver moved to the front. */
    static final class ExpressionManager extends SpringExpressionManager {

        ExpressionManager(ApplicationContext context, Map<Object, Object> beans) {
            super(context, beans);
        }

        @Override
        protected ELResolver createElResolver() {
            CompositeELResolver resolver = new CompositeELResolver();
            resolver.add(beans != null ? new ReadOnlyMapELResolver(beans)
                    : new ApplicationContextElResolver(applicationContext));
            resolver.add(new VariableScopeElResolver());
            resolver.add(new VariableContextElResolver());
            resolver.add(new MockElResolver());
            resolver.add(new ArrayELResolver());
            resolver.add(new ListELResolver());
            resolver.add(new MapELResolver());
            resolver.add(new BeanELResolver());
            return resolver;
        }
    }
}
