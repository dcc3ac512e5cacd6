# syntax=docker/dockerfile:1
# csv-ingest: build with Maven, run the same thin jar + lib/ that `./mvnw package` makes, on a JRE.

FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /build
# dependencies first, in their own layer: a source change does not download them again
COPY pom.xml ./
RUN mvn -B -q dependency:go-offline
COPY src/ src/
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17.0.13_11-jre-jammy
LABEL org.opencontainers.image.title="csv-ingest" \
      org.opencontainers.image.description="Drop a CSV into a folder, get rows in PostgreSQL (Apache Camel)" \
      org.opencontainers.image.licenses="Apache-2.0"
RUN groupadd --system --gid 10001 ingest \
 && useradd --system --uid 10001 --gid ingest --home-dir /app --shell /usr/sbin/nologin ingest
WORKDIR /app
COPY --from=build /build/target/lib/ lib/
COPY --from=build /build/target/csv-ingest.jar csv-ingest.jar
COPY routes/ routes/
# the service writes the data folders; it only reads the feeds in routes/
RUN mkdir -p inbox outbox deadletter && chown ingest:ingest inbox outbox deadletter
USER ingest
# folders default to ./inbox ./outbox ./deadletter ./routes under WORKDIR /app (bind-mounted by compose)
# exec form: SIGTERM reaches the JVM, which lets the file in flight finish (SHUTDOWN_TIMEOUT_SECONDS)
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/csv-ingest.jar"]
