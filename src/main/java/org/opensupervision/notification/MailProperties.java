package org.opensupervision.notification;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code supervision.mail.*}: the sender, the supervision office's address, the address of the head of the office
 * (who gets every step of the office's that passes its due date), and the public address of the application used in
 * links.
 */
@Validated
@ConfigurationProperties("supervision.mail")
record MailProperties(@NotBlank String from, @NotBlank String supervisionOfficeAddress,
                      @NotBlank String supervisionHeadAddress, @NotBlank String publicBaseUrl) {
}
