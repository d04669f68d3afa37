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
# The jar unpacked (app.jar with its dependencies beside it in lib/), the layout class data sharing needs below.
RUN java -Djarmode=tools -jar /src/app.jar extract --destination /src/extracted

FROM eclipse-temurin:17-jre
RUN groupadd --system supervision && useradd --system --gid supervision --home-dir /app supervision \
    && mkdir -p /var/lib/supervision/audit-anchors && chown supervision:supervision /var/lib/supervision/audit-anchors
# The audit anchors' directory (docker-compose.yml mounts a volume there): owned by the application's user, so a new
# named volume starts out writable for it.
WORKDIR /app
COPY --from=build /src/extracted/ /app/
# Memory bounds measured in docs/benchmarks.md (figure 6; bench/run.sh phase memory runs the application as this image
# does): resident memory stays under 500 MB after an intake burst at 64 connections; the same options as
# `./mvnw spring-boot:run` (pom.xml) and bench/run.sh.
# Serial GC: a small heap needs no parallel collector on 2 cores, and G1's own structures cost ~50 MB more. The heap:
# 224 MB. The start alone touches all of it (RSS grows with -Xmx one for one): 256 MB stood at 512 MB resident after a
# 120-second burst at 64 connections, 224 MB at 480 (two pairs), with a live set of ~105 MB after the drain and CPU
# per request +1 and +11 % on the loaded machine; 192 MB (an old generation of 128 MB) left too little room above that
# live set (20 full collections, 50 % more CPU per request). C1 only
# (TieredStopAtLevel=1): no C2 compiler threads and their memory, a smaller code cache; on the shared 2-core machine
# it took the burst faster, not slower. Two malloc arenas instead of one per thread keep the native heap from growing
# with Tomcat's threads, and the JVM gives what the C library keeps of it back every 5 s (TrimNativeHeapInterval,
# JDK 17.0.9 and later: ~8 MB after a burst).
ENV MALLOC_ARENA_MAX=2
ENV JAVA_TOOL_OPTIONS="-Xmx224m -XX:MaxMetaspaceSize=256m -XX:ReservedCodeCacheSize=64m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000 -XX:+ExitOnOutOfMemoryError -Duser.timezone=UTC"
# Class data sharing (docs/benchmarks.md, figure 6): a training start up to the refreshed context (no web server, no
# job executor; an in-memory H2 database, dev profile, so the build needs no PostgreSQL) records the classes it loaded
# into app.jsa; every start then maps them instead of loading ~20,000 classes from the jars. The archive belongs to this
# JDK and these jars: a JVM that cannot use it says so and starts without it.
RUN java -XX:ArchiveClassesAtExit=/app/app.jsa -Xlog:cds=off -Xlog:cds+dynamic=off -Dspring.context.exit=onRefresh \
    -jar /app/app.jar --spring.profiles.active=dev --spring.datasource.url=jdbc:h2:mem:cds
USER supervision
EXPOSE 8080
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/app.jsa", "-jar", "/app/app.jar"]
