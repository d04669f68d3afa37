package org.opensupervision.notification;

import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.ITemplateResolver;

/** Plain-text mail templates ({@code templates/mail/*.txt}) next to the HTML pages, in the same template engine. */
@Configuration(proxyBeanMethods = false)
class MailTemplateConfiguration {

    @Bean
    ITemplateResolver mailTemplateResolver() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setResolvablePatterns(java.util.Set.of("mail/*"));
        resolver.setOrder(0);
        resolver.setCheckExistence(true);
        return resolver;
    }
}
