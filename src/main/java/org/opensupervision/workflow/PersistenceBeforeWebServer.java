package org.opensupervision.workflow;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.web.servlet.server.ServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hibernate's EntityManagerFactory begins before the web server is made (issue 17, start-up, seventh session).
 * <p>
 * Spring Boot builds the EntityManagerFactory on its task executor ({@code bootstrap-mode: lazy}), but only from the
 * moment the bean is made, which was after the web server: Tomcat and its servlet initializers were made on the main
 * thread while the second core had nothing of Hibernate's to do, and then the engine's first command (its schema
 * check, in a transaction of the JPA transaction manager) waited for Hibernate. Every servlet web server factory is
 * made to depend on the {@code entityManagerFactory} bean, so Flyway migrates and Hibernate starts on the second
 * core first, and Tomcat is made beside it. Nothing else changes: the same beans, the same order of the migrations
 * before Hibernate, the same failure when a migration fails. {@code PersistenceBeforeWebServerTest} checks the
 * dependency in the running application.
 */
@Configuration(proxyBeanMethods = false)
class PersistenceBeforeWebServer {

    static final String ENTITY_MANAGER_FACTORY = "entityManagerFactory";

    @Bean
    static BeanFactoryPostProcessor persistenceBeforeWebServerOrder() {
        return PersistenceBeforeWebServer::dependOnTheEntityManagerFactory;
    }

    static void dependOnTheEntityManagerFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!beanFactory.containsBeanDefinition(ENTITY_MANAGER_FACTORY)) {
            return;
        }
        for (String name : beanFactory.getBeanNamesForType(ServletWebServerFactory.class, false, false)) {
            BeanDefinition definition = beanFactory.getBeanDefinition(name);
            Set<String> dependsOn = new LinkedHashSet<>();
            if (definition.getDependsOn() != null) {
                dependsOn.addAll(Arrays.asList(definition.getDependsOn()));
            }
            dependsOn.add(ENTITY_MANAGER_FACTORY);
            definition.setDependsOn(dependsOn.toArray(String[]::new));
        }
    }
}
