package org.opensupervision;

import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensupervision.notification.MailDispatch;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;

/**
 * Base of the tests that need the application: one Spring context for all of them (same configuration, so Spring's
 * test context cache reuses it), the real engine, H2 or the local PostgreSQL, and a real SMTP server in the JVM.
 * Tagged {@code database} (inherited by every subclass): the tests the build runs a second time on PostgreSQL. The
 * classes share the database and stay apart by the months and departments they own ({@link OwnsPeriod}), which
 * {@link PeriodClaimsGuard} checks.
 */
@Tag(IntegrationTest.DATABASE)
@ExtendWith(PeriodClaimsGuard.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import({ProcessEngineCoverageConfiguration.class, TestCoverageSettings.class, RoutingFailures.class})
public abstract class IntegrationTest {

    /** The tag of the tests that use the database: the {@code postgres} execution of the build runs these only. */
    public static final String DATABASE = "database";

    /** The SMTP server the application sends to during tests. */
    protected static final GreenMail SMTP = TestSmtpServer.started();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.recreateIfActive();
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @Autowired
    private MailDispatch mailDispatch;

    /**
     * The mails about a case that reached the SMTP server, after the dispatcher sent the outbox's due mails (as its
     * sweep does every few seconds in the running application; the test profile turns the sweep off).
     */
    protected List<ReceivedMail> mailsSentAbout(String trackingNumber) {
        mailDispatch.dispatchDue();
        return ReceivedMail.about(SMTP, trackingNumber);
    }

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }
}
