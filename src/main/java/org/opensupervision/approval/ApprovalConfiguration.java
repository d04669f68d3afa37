package org.opensupervision.approval;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** Settings of approval-case supervision, and the first catalogue of an empty database. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApprovalProperties.class)
class ApprovalConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ApprovalConfiguration.class);

    private final ApprovalCatalogue catalogue;
    private final ApprovalProperties properties;
    private final ResourceLoader resources;

    ApprovalConfiguration(ApprovalCatalogue catalogue, ApprovalProperties properties, ResourceLoader resources) {
        this.catalogue = catalogue;
        this.properties = properties;
        this.resources = resources;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadInitialCatalogue() throws java.io.IOException {
        if (properties.initialCatalogue().isBlank() || !catalogue.isEmpty()) {
            return;
        }
        Resource file = resources.getResource(properties.initialCatalogue());
        String text = new String(file.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int versions = catalogue.load(CatalogueCsv.parse(text), 2, "system").size();
        log.info("Approval catalogue was empty: {} item(s) loaded from {}", versions, properties.initialCatalogue());
    }
}
