package org.opensupervision.audit;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The command-line check: {@code java -jar app.jar --audit-verify=all} (or a tracking number) verifies the chains,
 * prints one line per case naming the first broken link, and exits with 0 when all are intact, 2 otherwise. With
 * anchoring on, the chains are also checked against the newest daily anchor of their ends ({@link AuditAnchors}), so a
 * chain whose end was rolled back counts as broken too.
 */
@Component
class AuditVerificationCommand implements ApplicationRunner {

    static final String OPTION = "audit-verify";

    private final AuditTrail trail;
    private final AuditAnchors anchors;
    private final ConfigurableApplicationContext context;

    AuditVerificationCommand(AuditTrail trail, AuditAnchors anchors, ConfigurableApplicationContext context) {
        this.trail = trail;
        this.anchors = anchors;
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
        return verify(target, out, anchors.directory());
    }

    /** The same, against the anchors in {@code anchorDirectory} (none: the chains only). */
    int verify(String target, PrintStream out, Optional<Path> anchorDirectory) {
        Map<String, ChainVerification> results = new LinkedHashMap<>();
        ("all".equalsIgnoreCase(target) ? trail.verifyAll() : List.of(trail.verify(target)))
                .forEach(r -> results.put(r.caseKey(), r));
        Optional<AuditAnchors.AnchorCheck> anchor = anchorDirectory.map(dir -> anchors.check(dir, target));
        // A chain that verifies on its own but lost the end its anchor saw was rolled back.
        anchor.ifPresent(a -> a.rolledBack().forEach(r -> results.merge(r.caseKey(), r,
                (chain, anchored) -> chain.intact() ? anchored : chain)));
        List<ChainVerification> all = new ArrayList<>(results.values());
        all.forEach(r -> out.println(r.describe()));
        anchor.ifPresent(a -> out.println(a.describe()));
        long broken = all.stream().filter(r -> !r.intact()).count()
                + anchor.filter(a -> !a.signed()).map(a -> 1).orElse(0);
        out.println(all.size() + " case(s) verified, " + broken + " broken");
        return broken == 0 ? 0 : 2;
    }
}
