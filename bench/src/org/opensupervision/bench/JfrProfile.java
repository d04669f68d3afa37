package org.opensupervision.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU of a JFR recording went between --from and --to (ISO instants): the share of execution samples whose
 * stack passes through each subsystem, and the application and engine methods seen in most samples (inclusive).
 */
final class JfrProfile {

    private static final Map<String, String> SUBSYSTEMS = new LinkedHashMap<>();

    static {
        SUBSYSTEMS.put("JDBC driver (PostgreSQL protocol)", "org.postgresql.");
        SUBSYSTEMS.put("Hibernate / JPA", "org.hibernate.");
        SUBSYSTEMS.put("MyBatis (Camunda's SQL mapping)", "org.apache.ibatis.");
        SUBSYSTEMS.put("Camunda history events", "org.camunda.bpm.engine.impl.history.");
        SUBSYSTEMS.put("Camunda job executor", "org.camunda.bpm.engine.impl.jobexecutor.");
        SUBSYSTEMS.put("Camunda DMN", "org.camunda.bpm.dmn.");
        SUBSYSTEMS.put("Camunda engine (all)", "org.camunda.bpm.engine.");
        SUBSYSTEMS.put("Jackson JSON", "com.fasterxml.jackson.");
        SUBSYSTEMS.put("Thymeleaf / mail templates", "org.thymeleaf.");
        SUBSYSTEMS.put("Spring Security filters", "org.springframework.security.");
        SUBSYSTEMS.put("Tomcat", "org.apache.catalina.");
        SUBSYSTEMS.put("Bean validation", "org.hibernate.validator.");
        SUBSYSTEMS.put("Logging", "ch.qos.logback.");
        SUBSYSTEMS.put("our code (org.opensupervision)", "org.opensupervision.");
    }

    private JfrProfile() {
    }

    static void run(Options options) throws Exception {
        Instant from = Instant.parse(options.get("from", "2000-01-01T00:00:00Z"));
        Instant to = Instant.parse(options.get("to", "2100-01-01T00:00:00Z"));
        int top = options.intValue("top", 25);
        String focus = options.get("focus", null);
        Map<String, Integer> subsystems = new HashMap<>();
        Map<String, Integer> methods = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(options.get("jfr")))) {
            if (!"jdk.ExecutionSample".equals(event.getEventType().getName())
                    || event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)
                    || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            String thread = event.getThread("sampledThread") == null ? "?"
                    : event.getThread("sampledThread").getJavaName();
            threads.merge(thread == null ? "?" : thread.replaceAll("[-#]?\\d+$", "-N"), 1, Integer::sum);
            Set<String> seenSubsystems = new HashSet<>();
            Set<String> seenMethods = new HashSet<>();
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            for (RecordedFrame frame : frames) {
                String type = frame.getMethod().getType().getName();
                SUBSYSTEMS.forEach((name, prefix) -> {
                    if (type.startsWith(prefix)) {
                        seenSubsystems.add(name);
                    }
                });
                if (focus != null) {
                    if (type.startsWith(focus)) {
                        seenMethods.add(type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName());
                    }
                } else if (type.startsWith("org.opensupervision.") || type.startsWith("org.camunda.bpm.engine.impl.cmd.")
                        || type.startsWith("org.camunda.bpm.engine.impl.history.")
                        || type.startsWith("org.camunda.bpm.engine.impl.db.") || type.startsWith("org.hibernate.engine")
                        || type.startsWith("org.camunda.bpm.engine.impl.bpmn.")
                        || type.startsWith("org.camunda.bpm.engine.impl.jobexecutor.")) {
                    seenMethods.add(type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName());
                }
            }
            seenSubsystems.forEach(s -> subsystems.merge(s, 1, Integer::sum));
            seenMethods.forEach(m -> methods.merge(m, 1, Integer::sum));
        }
        int total = samples;
        System.out.println("execution samples: " + total + " (" + from + " .. " + to + ")");
        System.out.println("-- share of samples passing through (inclusive; a sample can count in several) --");
        subsystems.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> System.out.printf(Locale.ROOT, "%5.1f %%  %s%n", 100.0 * e.getValue() / total,
                        e.getKey()));
        System.out.println("-- threads --");
        threads.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
                .forEach(e -> System.out.printf(Locale.ROOT, "%5.1f %%  %s%n", 100.0 * e.getValue() / total,
                        e.getKey()));
        System.out.println("-- methods in most samples (inclusive) --");
        methods.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "%5.1f %%  %s%n", 100.0 * e.getValue() / total,
                        e.getKey()));
    }
}
