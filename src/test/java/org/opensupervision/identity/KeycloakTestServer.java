package org.opensupervision.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Keycloak for the tests: the {@code keycloak-quarkus-dist} the build unpacked into {@code target/keycloak}
 * ({@code -Dkeycloak.home}), started once per test JVM with {@code kc.sh start-dev} on free loopback ports (HTTP and
 * management), a fresh data directory (and so a fresh dev-mode database), importing
 * {@code keycloak/realm-export.json}. Stopped when the JVM ends: the Java child of {@code kc.sh} by its pid, then the
 * shell.
 */
public final class KeycloakTestServer {

    private static final Logger log = LoggerFactory.getLogger(KeycloakTestServer.class);
    public static final String REALM = "supervision";
    /** Five minutes, or -Dkeycloak.startup-seconds: its first start on two busy cores has taken longer. */
    private static final Duration STARTUP = Duration.ofSeconds(Long.getLong("keycloak.startup-seconds", 300));

    private static KeycloakTestServer instance;

    private final int port;
    private final Process process;

    private KeycloakTestServer(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    public static synchronized KeycloakTestServer started() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "keycloak-test-server-stop"));
        }
        return instance;
    }

    /** The base URL, as the browser and the application both see it. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    String issuer() {
        return url() + "/realms/" + REALM;
    }

    private static KeycloakTestServer start() {
        Path home = Paths.get(System.getProperty("keycloak.home", "target/keycloak/keycloak-26.5.6"));
        Path realm = Paths.get(System.getProperty("keycloak.realm-file", "keycloak/realm-export.json"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak at " + home.toAbsolutePath() + ": run the Keycloak tests "
                    + "through Maven (`./mvnw verify`), which unpacks org.keycloak:keycloak-quarkus-dist there");
        }
        try {
            Path data = home.resolve("data");
            deleteRecursively(data);
            Files.createDirectories(data.resolve("import"));
            Files.copy(realm, data.resolve("import").resolve(REALM + "-realm.json"));
            int port = freePort();
            int management = freePort();
            Path logFile = home.getParent().resolve("keycloak-test.log");
            String javaHome = System.getProperty("java.home");
            log.info("Starting Keycloak {} on 127.0.0.1:{} (management {}), Java {} at {}, log {}", home.getFileName(),
                    port, management, Runtime.version(), javaHome, logFile);
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + management,
                    "--import-realm")
                    .redirectErrorStream(true).redirectOutput(logFile.toFile());
            builder.environment().put("JAVA_HOME", javaHome);
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            // Only run-time options on the command line: a build-time option (--db, --health-enabled, ...) would make
            // every start re-augment the Quarkus application first, a minute or more on two cores.
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", UUID.randomUUID().toString());
            // The application runs on a random loopback port: let the realm's client redirect to any of them.
            builder.environment().put("SUPERVISION_APP_REDIRECT_URI", "http://127.0.0.1:*");
            // A client secret of the test's own (-Dkeycloak.app-client-secret), for an application started without
            // the dev or test profile, which refuses the realm's public development secret.
            String clientSecret = System.getProperty("keycloak.app-client-secret");
            if (clientSecret != null) {
                builder.environment().put("SUPERVISION_APP_CLIENT_SECRET", clientSecret);
            }
            KeycloakTestServer server = new KeycloakTestServer(port, builder.start());
            server.awaitRealm(logFile);
            return server;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void awaitRealm(Path logFile) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant started = Instant.now();
        Instant deadline = started.plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak ended while starting; see " + logFile);
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    log.info("Keycloak ready after {} s", Duration.between(started, Instant.now()).toSeconds());
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(500);
        }
        stop();
        throw new IllegalStateException("Keycloak not ready within " + STARTUP + "; see " + logFile);
    }

    /** kc.sh keeps a shell parent: stop the Java child by its pid, then the shell. */
    void stop() {
        process.toHandle().descendants().forEach(child -> {
            child.destroy();
            child.onExit().completeOnTimeout(null, 20, TimeUnit.SECONDS).join();
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        });
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
