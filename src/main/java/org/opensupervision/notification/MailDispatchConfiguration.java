package org.opensupervision.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The dispatcher's sweep, and the outbox's states as a metric an operator can alert on. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MailDispatchConfiguration {

    /** {@code supervision.mail.outbox{state=pending|failed}}: mails waiting for SMTP, and mails that gave up. */
    @Bean
    MeterBinder mailOutboxStates(MailDispatch dispatch) {
        return registry -> {
            Gauge.builder("supervision.mail.outbox", dispatch, d -> d.count(Delivery.PENDING))
                    .tag("state", "pending").description("Mails waiting to be sent over SMTP").register(registry);
            Gauge.builder("supervision.mail.outbox", dispatch, d -> d.count(Delivery.FAILED))
                    .tag("state", "failed").description("Mails that failed every attempt; retry them on the outbox page")
                    .register(registry);
        };
    }

    /** Sweeps the outbox every {@code supervision.mail.dispatch.interval} (nothing to do without SMTP). */
    @Component
    @ConditionalOnProperty(name = "supervision.mail.dispatch.scheduled", matchIfMissing = true)
    static class Sweep {

        private final MailDispatch dispatch;

        Sweep(MailDispatch dispatch) {
            this.dispatch = dispatch;
        }

        @Scheduled(fixedDelayString = "${supervision.mail.dispatch.interval:PT5S}",
                initialDelayString = "${supervision.mail.dispatch.interval:PT5S}")
        void sweep() {
            dispatch.dispatchDue();
        }
    }
}
