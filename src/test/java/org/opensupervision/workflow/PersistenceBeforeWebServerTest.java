package org.opensupervision.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.web.servlet.server.ServletWebServerFactory;

/**
 * The web server of the running application is made after the EntityManagerFactory, whose build then runs beside it.
 */
class PersistenceBeforeWebServerTest extends IntegrationTest {

    @Autowired
    ConfigurableListableBeanFactory beanFactory;

    @Test
    void theWebServerFactoryDependsOnTheEntityManagerFactory() {
        String[] factories = beanFactory.getBeanNamesForType(ServletWebServerFactory.class);

        assertThat(factories).isNotEmpty();
        for (String factory : factories) {
            assertThat(beanFactory.getBeanDefinition(factory).getDependsOn())
                    .as("depends-on of %s", factory).contains(PersistenceBeforeWebServer.ENTITY_MANAGER_FACTORY);
            assertThat(beanFactory.getDependentBeans(PersistenceBeforeWebServer.ENTITY_MANAGER_FACTORY))
                    .as("beans registered as depending on the EntityManagerFactory").contains(factory);
        }
    }

    @Test
    void aFactoryWithoutPersistenceIsLeftAlone() {
        DefaultListableBeanFactory bare = new DefaultListableBeanFactory();
        bare.registerBeanDefinition("server", new RootBeanDefinition(NoServer.class));

        PersistenceBeforeWebServer.dependOnTheEntityManagerFactory(bare);

        assertThat(bare.getBeanDefinition("server").getDependsOn()).isNull();
    }

    @Test
    void existingDependenciesAreKept() {
        DefaultListableBeanFactory bare = new DefaultListableBeanFactory();
        RootBeanDefinition server = new RootBeanDefinition(NoServer.class);
        server.setDependsOn("flyway");
        bare.registerBeanDefinition("server", server);
        bare.registerBeanDefinition(PersistenceBeforeWebServer.ENTITY_MANAGER_FACTORY,
                new RootBeanDefinition(Object.class));

        PersistenceBeforeWebServer.dependOnTheEntityManagerFactory(bare);

        assertThat(bare.getBeanDefinition("server").getDependsOn())
                .containsExactly("flyway", PersistenceBeforeWebServer.ENTITY_MANAGER_FACTORY);
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
