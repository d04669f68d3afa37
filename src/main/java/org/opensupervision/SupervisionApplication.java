package org.opensupervision;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The efficiency-supervision platform: one Spring Boot application with an embedded Camunda 7 engine. */
@SpringBootApplication(proxyBeanMethods = false)
@ConfigurationPropertiesScan
public class SupervisionApplication {

    public static void main(String[] args) {
        SpringApplication.run(SupervisionApplication.class, args);
    }
}
