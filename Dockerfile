# syntax=docker/dockerfile:1
# The application image: built with the Maven wrapper (tests run in CI, not here), run on a Java 17 JRE.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
# Dependencies first: this layer is reused while only the sources change.
RUN ./mvnw -B -q dependency:go-offline -Dkeycloak.skip=true || true
COPY src/ src/
COPY processes/ processes/
COPY forms/ forms/
RUN ./mvnw -B -q package -DskipTests -Dkeycloak.skip=true -Dpostgres.skip=true \
    && cp target/efficiency-supervision-*.jar /src/app.jar

FROM eclipse-temurin:17-jre
RUN groupadd --system supervision && useradd --system --gid supervision --home-dir /app supervision \
    && mkdir -p /var/lib/supervision/audit-anchors && chown supervision:supervision /var/lib/supervision/audit-anchors
# The audit anchors' directory (docker-compose.yml mounts a volume there): owned by the application's user, so a new
# named volume starts out writable for it.
WORKDIR /app
COPY --from=build /src/app.jar /app/app.jar
USER supervision
EXPOSE 8080
# Memory bounds measured in docs/benchmarks.md (figure 6): resident memory stays under 700 MB; the same options as
# `./mvnw spring-boot:run` (pom.xml) and bench/run.sh.
# Serial GC: a 384 MB heap needs no parallel collector on 2 cores, and G1's own structures cost ~50 MB more. Two malloc
# arenas instead of one per thread keep the native heap from growing with Tomcat's threads.
ENV MALLOC_ARENA_MAX=2
ENV JAVA_TOOL_OPTIONS="-Xmx384m -XX:MaxMetaspaceSize=256m -XX:ReservedCodeCacheSize=64m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -Duser.timezone=UTC"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
