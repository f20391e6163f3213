# syntax=docker/dockerfile:1
#
# One image recipe for every ClaraOP service. Build context = repository root, and the service's fat jar
# must exist first (./mvnw -DskipTests package): this file does not run Maven, so an image holds exactly
# the jar that was built and tested.
#
#   docker build -f infra/docker/service.Dockerfile --build-arg SERVICE=payout-service -t claraop/payout-service .
#
# (infra/docker-compose.yml does the same for all seven services.) The build context is narrowed to
# */target/*.jar by service.Dockerfile.dockerignore beside this file (BuildKit reads a
# "<Dockerfile>.dockerignore" in preference to a root .dockerignore).
#
# Base image: the code is compiled with --release 21, so a Java 21 runtime is the floor; a 25 JRE
# (JAVA_IMAGE=eclipse-temurin:25-jre) also runs it.
ARG JAVA_IMAGE=eclipse-temurin:21-jre

# --- Stage 1: split the fat jar into Spring Boot's layers --------------------------------------------
# BOOT-INF/layers.idx (written by spring-boot-maven-plugin) defines four layers, from least to most
# often changed: dependencies, spring-boot-loader, snapshot-dependencies, application (our classes and
# the platform-* module jars). Copying them as separate image layers means a code change rebuilds and
# ships only the small "application" layer; the ~100 MB of third-party jars stay cached.
FROM ${JAVA_IMAGE} AS builder
ARG SERVICE
RUN test -n "${SERVICE}" || { echo "build argument SERVICE is required (e.g. --build-arg SERVICE=payout-service)" >&2; exit 1; }
WORKDIR /build
COPY ${SERVICE}/target/${SERVICE}.jar app.jar
# --launcher keeps Spring Boot's JarLauncher, so the classpath order of BOOT-INF/classpath.idx is kept.
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

# --- Stage 2: runtime ---------------------------------------------------------------------------------
FROM ${JAVA_IMAGE}
ARG SERVICE
LABEL org.opencontainers.image.title="claraop-${SERVICE}" \
      org.opencontainers.image.description="ClaraOP ${SERVICE}"

# A fixed, unprivileged uid/gid (not the image's "ubuntu" user 1000): files mounted into the container,
# such as the gateway keystore, must be readable by 10001.
RUN groupadd --system --gid 10001 claraop \
 && useradd --system --uid 10001 --gid claraop --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin claraop

WORKDIR /app
# Owned by root and only readable by the service user: the process cannot modify its own code.
COPY --from=builder /build/extracted/dependencies/ ./
COPY --from=builder /build/extracted/spring-boot-loader/ ./
COPY --from=builder /build/extracted/snapshot-dependencies/ ./
COPY --from=builder /build/extracted/application/ ./

USER 10001:10001

# Sized from the container's memory limit (compose sets one per service). JAVA_TOOL_OPTIONS is read by
# the JVM itself, so it can be overridden per container without a shell in the entrypoint.
ENV SERVICE=${SERVICE} \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"

# Health: no HEALTHCHECK here on purpose. infra/docker-compose.yml defines one per service with
# `curl` against /actuator/health/readiness: the eclipse-temurin Ubuntu images install curl (and wget)
# themselves (adoptium/containers#255, "curl required for historical reasons"), so nothing is added to
# the image for it. If the base is ever switched to one without curl (e.g. a distroless JRE), use a
# bash-only probe instead (exec 3<>/dev/tcp/127.0.0.1/PORT and read the status line), as compose does
# for Keycloak.

# exec form: java is PID 1 and receives SIGTERM directly, so Spring's graceful shutdown
# (server.shutdown=graceful, set in platform-web) runs on `docker stop`.
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
