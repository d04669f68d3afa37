package org.opensupervision.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code target/*.jar}) run the way an operator runs it: {@code java -jar}, its own JVM,
 * configured by command-line properties. Stopped hard with SIGKILL ({@link #kill()}), as a power cut or the kernel's
 * OOM killer would, or politely with SIGTERM ({@link #stop()}). Its output goes to {@code target/reliability/}.
 */
public final class ApplicationProcess implements AutoCloseable {

    /** Secrets of a production-like start (no development defaults), the same for every node of a test. */
    private static final Map<String, String> SECRETS = secrets();

    private final String name;
    private final int port;
    private final Map<String, String> properties;
    private Process process;
    private int starts;

    private ApplicationProcess(String name, int port, Map<String, String> properties) {
        this.name = name;
        this.port = port;
        this.properties = properties;
    }

    /** An application on a free port with these properties (on top of a production-like base), not yet started. */
    public static ApplicationProcess configured(String name, Map<String, String> properties) {
        Map<String, String> all = new LinkedHashMap<>();
        // Every test request comes from loopback: the per-client limits of the public API would throttle the load.
        all.put("supervision.protection.exempt-addresses[0]", "127.0.0.1");
        all.put("supervision.protection.exempt-addresses[1]", "0:0:0:0:0:0:0:1");
        all.put("logging.level.org.camunda.bpm.engine.jobexecutor", "WARN");
        all.putAll(properties);
        return new ApplicationProcess(name, freePort(), all);
    }

    public int port() {
        return port;
    }

    /** One more property (e.g. one naming {@link #baseUrl()}, known only once the port is chosen), before the start. */
    public ApplicationProcess with(String key, String value) {
        properties.put(key, value);
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the JVM and waits until {@code /actuator/health} answers UP. */
    public ApplicationProcess start(Duration timeout) {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        starts++;
        Path log = Path.of("target", "reliability", name + "-" + starts + ".log");
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx384m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8", "-jar", jar().toString(),
                "--server.port=" + port));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().putAll(SECRETS);
            builder.environment().put("MALLOC_ARENA_MAX", "2");
            process = builder.start();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Instant started = Instant.now();
        Instant deadline = started.plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting, see "
                        + log.toAbsolutePath());
            }
            if (healthStatus() == 200) {
                System.out.printf("[reliability] %s up on port %d after %d s (start %d)%n", name, port,
                        Duration.between(started, Instant.now()).toSeconds(), starts);
                return this;
            }
            pause(Duration.ofMillis(500));
        }
        kill();
        throw new IllegalStateException(name + " did not start within " + timeout + ", see " + log.toAbsolutePath());
    }

    /** SIGKILL: no shutdown hook, no connection pool closed, no transaction finished. */
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            waitForExit(Duration.ofSeconds(30));
            System.out.printf("[reliability] %s killed (SIGKILL)%n", name);
        }
    }

    /** SIGTERM, the graceful shutdown; SIGKILL after 30 s. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!waitForExit(Duration.ofSeconds(30))) {
                kill();
            }
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The status of {@code GET /actuator/health}, or -1 when nothing answers. */
    int healthStatus() {
        try {
            HttpResponse<Void> response = HttpClients.PLAIN.send(HttpRequest.newBuilder(
                            URI.create(baseUrl() + "/actuator/health")).timeout(Duration.ofSeconds(15)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode();
        } catch (IOException ex) {
            return -1;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Path jar() {
        String jar = System.getProperty("reliability.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("The reliability tests start the packaged application: run them with "
                    + "`./mvnw verify` (after `package`), or pass -Dreliability.jar=target/<name>.jar; found: " + jar);
        }
        return Path.of(jar);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Map<String, String> secrets() {
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[32];
        random.nextBytes(key);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SUPERVISION_ACCESS_CODE_SECRET", randomText(random));
        env.put("SUPERVISION_AUDIT_CHAIN_KEY", randomText(random));
        env.put("SUPERVISION_RATING_LINK_SECRET", randomText(random));
        env.put("SUPERVISION_PRIVACY_KEYS_RELIABILITY", Base64.getEncoder().encodeToString(key));
        env.put("SUPERVISION_PRIVACY_ACTIVE_KEY", "reliability");
        // The approval demo simulator would add its own load and rows to what the scenarios count.
        env.put("SUPERVISION_APPROVAL_SIMULATOR_ENABLED", "false");
        return Map.copyOf(env);
    }

    private static String randomText(SecureRandom random) {
        byte[] bytes = new byte[33];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The HTTP clients of the tests. */
    static final class HttpClients {
        static final HttpClient PLAIN = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();

        private HttpClients() {
        }
    }
}
