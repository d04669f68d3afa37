package org.opensupervision.audit;

import java.io.PrintStream;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The command-line check: {@code java -jar app.jar --audit-verify=all} (or a tracking number) verifies the chains,
 * prints one line per case naming the first broken link, and exits with 0 when all are intact, 2 otherwise.
 */
@Component
class AuditVerificationCommand implements ApplicationRunner {

    static final String OPTION = "audit-verify";

    private final AuditTrail trail;
    private final ConfigurableApplicationContext context;

    AuditVerificationCommand(AuditTrail trail, ConfigurableApplicationContext context) {
        this.trail = trail;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption(OPTION)) {
            return;
        }
        List<String> values = args.getOptionValues(OPTION);
        String target = values.isEmpty() || values.get(0).isBlank() ? "all" : values.get(0);
        int code = verify(target, System.out);
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /** Verifies one case or {@code all}, prints the result and returns the exit code. */
    int verify(String target, PrintStream out) {
        List<ChainVerification> results = "all".equalsIgnoreCase(target) ? trail.verifyAll()
                : List.of(trail.verify(target));
        results.forEach(r -> out.println(r.describe()));
        long broken = results.stream().filter(r -> !r.intact()).count();
        out.println(results.size() + " case(s) verified, " + broken + " broken");
        return broken == 0 ? 0 : 2;
    }
}
