package org.opensupervision.secrets;

import java.util.List;
import java.util.stream.Collectors;

/** The application was started outside development with default or short secrets. */
class WeakSecretsException extends IllegalStateException {

    private final transient List<WeakSecret> secrets;

    WeakSecretsException(List<WeakSecret> secrets) {
        super(description(secrets) + System.lineSeparator() + action(secrets));
        this.secrets = List.copyOf(secrets);
    }

    List<WeakSecret> secrets() {
        return secrets;
    }

    static String description(List<WeakSecret> secrets) {
        return "Refusing to start outside the dev and test profiles with default or short secrets:"
                + secrets.stream().map(s -> System.lineSeparator() + "  - " + s.describe()).collect(Collectors.joining());
    }

    static String action(List<WeakSecret> secrets) {
        return "Set each one in the environment (docker compose: in .env next to docker-compose.yml, "
                + "docker/generate-secrets.sh writes one), e.g.:"
                + secrets.stream().map(s -> System.lineSeparator() + "  export " + s.howToMakeOne()).distinct()
                        .collect(Collectors.joining())
                + System.lineSeparator() + "For a trial on the embedded default, run with the dev profile "
                + "(./mvnw spring-boot:run does, or --spring.profiles.active=dev).";
    }
}
