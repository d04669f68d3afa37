package org.opensupervision.workflow;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
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
 * made to depend on every EntityManagerFactory bean (with none, nothing changes), so Flyway migrates and Hibernate
 * starts on the second core first, and Tomcat is made beside it. Nothing else changes: the same beans, the same order of the migrations
 * before Hibernate, the same failure when a migration fails. {@code PersistenceBeforeWebServerTest} checks the
 * dependency in the running application.
 */
@Configuration(proxyBeanMethods = false)
class PersistenceBeforeWebServer {

    @Bean
    static WebServerAfterPersistence webServerAfterPersistence() {
        return new WebServerAfterPersistence();
    }

    /** Spring Boot's depends-on post-processor: every servlet web server factory after every EntityManagerFactory. */
    static final class WebServerAfterPersistence extends AbstractDependsOnBeanFactoryPostProcessor {

        WebServerAfterPersistence() {
            super(ServletWebServerFactory.class, EntityManagerFactory.class);
        }
    }
}
