package org.opensupervision.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.web.servlet.server.ServletWebServerFactory;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * The web server of the running application is made after the EntityManagerFactory, whose build then runs beside it.
 */
class PersistenceBeforeWebServerTest extends IntegrationTest {

    /** Spring Boot's name for its EntityManagerFactory. */
    static final String ENTITY_MANAGER_FACTORY = "entityManagerFactory";

    @Autowired
    ConfigurableListableBeanFactory beanFactory;

    @Test
    void theWebServerFactoryDependsOnTheEntityManagerFactory() {
        String[] factories = beanFactory.getBeanNamesForType(ServletWebServerFactory.class);

        assertThat(factories).isNotEmpty();
        for (String factory : factories) {
            assertThat(beanFactory.getBeanDefinition(factory).getDependsOn())
                    .as("depends-on of %s", factory).contains(ENTITY_MANAGER_FACTORY);
            assertThat(beanFactory.getDependentBeans(ENTITY_MANAGER_FACTORY))
                    .as("beans registered as depending on the EntityManagerFactory").contains(factory);
        }
    }

    @Test
    void aFactoryWithoutPersistenceIsLeftAlone() {
        DefaultListableBeanFactory bare = new DefaultListableBeanFactory();
        bare.registerBeanDefinition("server", new RootBeanDefinition(NoServer.class));

        new PersistenceBeforeWebServer.WebServerAfterPersistence().postProcessBeanFactory(bare);

        assertThat(bare.getBeanDefinition("server").getDependsOn()).isNullOrEmpty();
    }

    @Test
    void existingDependenciesAreKept() {
        DefaultListableBeanFactory bare = new DefaultListableBeanFactory();
        RootBeanDefinition server = new RootBeanDefinition(NoServer.class);
        server.setDependsOn("flyway");
        bare.registerBeanDefinition("server", server);
        bare.registerBeanDefinition(ENTITY_MANAGER_FACTORY,
                new RootBeanDefinition(LocalContainerEntityManagerFactoryBean.class));

        new PersistenceBeforeWebServer.WebServerAfterPersistence().postProcessBeanFactory(bare);

        assertThat(bare.getBeanDefinition("server").getDependsOn())
                .containsExactly("flyway", ENTITY_MANAGER_FACTORY);
    }

    /** A servlet web server factory that is never asked for a server. */
    static class NoServer implements ServletWebServerFactory {
        @Override
        public org.springframework.boot.web.server.WebServer getWebServer(
                org.springframework.boot.web.servlet.ServletContextInitializer... initializers) {
            throw new UnsupportedOperationException("not started in this test");
        }
    }
}
