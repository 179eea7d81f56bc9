package com.engagementledger.launcher;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so it is checked statically against each service's own
 * configuration: same port, same database, Kafka and the JWT secret set.
 */
class DockerComposeConsistencyTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{[^:}]+:(.*)}$");

    private static Path root;
    private static Map<String, Object> compose;

    @BeforeAll
    static void readCompose() throws IOException {
        root = repositoryRoot();
        try (Reader reader = Files.newBufferedReader(root.resolve("docker-compose.yml"))) {
            compose = new Yaml().load(reader);
        }
    }

    @Test
    void compose_has_postgres_kafka_and_every_service() {
        assertThat(services()).containsKeys("postgres", "kafka", "engagement-service", "scorecard-service",
                "notification-service");
        assertThat(map(services().get("kafka")).get("image")).isEqualTo("apache/kafka:3.9.1");
    }

    @Test
    void postgres_init_script_creates_every_service_database() throws IOException {
        Map<String, Object> postgres = map(services().get("postgres"));
        String mount = list(postgres.get("volumes")).stream().map(String::valueOf)
                .filter(v -> v.contains("docker-entrypoint-initdb.d")).findFirst().orElseThrow();
        Path script = root.resolve(mount.substring(0, mount.indexOf(':')));
        assertThat(script).exists();
        String sql = Files.readString(script);
        for (LedgerService service : LedgerService.ALL) {
            assertThat(sql).containsIgnoringCase("CREATE DATABASE " + service.database() + ";");
        }
    }

    @TestFactory
    Stream<DynamicTest> each_service_matches_its_application_yml() {
        return LedgerService.ALL.stream()
                .filter(s -> Files.isRegularFile(applicationYml(s)))
                .map(s -> DynamicTest.dynamicTest(s.module(), () -> checkService(s)));
    }

    private void checkService(LedgerService service) throws IOException {
        Map<String, Object> application = applicationConfig(service);
        Map<String, Object> container = map(services().get(service.module()));
        assertThat(container).as("compose service " + service.module()).isNotNull();

        // the port: the service's default server.port, DESIGN.md's port, and the compose mapping agree
        int port = Integer.parseInt(defaultValue(property(application, "server.port")));
        assertThat(port).as(service.module() + " server.port").isEqualTo(service.defaultPort());
        assertThat(list(container.get("ports")).stream().map(String::valueOf))
                .as(service.module() + " port mapping").contains(port + ":" + port);

        Map<String, String> env = environment(container.get("environment"));
        if (env.containsKey("PORT")) {
            assertThat(env.get("PORT")).isEqualTo(Integer.toString(port));
        }
        if (env.containsKey("SERVER_PORT")) {
            assertThat(env.get("SERVER_PORT")).isEqualTo(Integer.toString(port));
        }

        // the database: the one the service uses by default, on the compose postgres server
        String defaultUrl = defaultValue(property(application, "spring.datasource.url"));
        assertThat(databaseOf(defaultUrl)).as(service.module() + " default database").isEqualTo(service.database());
        assertThat(env.get("SPRING_DATASOURCE_URL"))
                .isEqualTo("jdbc:postgresql://postgres:5432/" + databaseOf(defaultUrl));

        assertThat(env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
        assertThat(env.get("LEDGER_JWT_SECRET")).as("LEDGER_JWT_SECRET").isNotBlank();

        // the container runs the jar Maven builds for this module
        assertThat(list(container.get("volumes")).stream().map(String::valueOf))
                .anyMatch(v -> v.startsWith("./" + service.module() + "/target/" + service.module() + ".jar:"));
        assertThat(list(container.get("depends_on") instanceof Map<?, ?> m ? new ArrayList<>(m.keySet())
                : container.get("depends_on"))).contains("postgres", "kafka");
    }

    /** A value of application.yml, or the default of a {@code ${VARIABLE:default}} placeholder. */
    static String defaultValue(Object value) {
        assertThat(value).as("property present in application.yml").isNotNull();
        String text = String.valueOf(value).trim();
        Matcher placeholder = PLACEHOLDER.matcher(text);
        return placeholder.matches() ? placeholder.group(1) : text;
    }

    /** The database of a JDBC URL: what follows the last slash, without parameters. */
    static String databaseOf(String jdbcUrl) {
        String path = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private static Object property(Map<String, Object> config, String dottedName) {
        if (config.containsKey(dottedName)) {
            return config.get(dottedName);
        }
        Object current = config;
        for (String part : dottedName.split("\\.")) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(part);
        }
        return current;
    }

    private static Map<String, String> environment(Object environment) {
        Map<String, String> env = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> m) {
            m.forEach((k, v) -> env.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else if (environment instanceof List<?> l) {
            for (Object entry : l) {
                String text = String.valueOf(entry);
                int eq = text.indexOf('=');
                env.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? null : text.substring(eq + 1));
            }
        }
        return env;
    }

    private static Map<String, Object> applicationConfig(LedgerService service) throws IOException {
        try (Reader reader = Files.newBufferedReader(applicationYml(service))) {
            for (Object document : new Yaml().loadAll(reader)) {
                if (document instanceof Map<?, ?>) {
                    return map(document); // the first document holds the defaults
                }
            }
        }
        return Map.of();
    }

    private static Path applicationYml(LedgerService service) {
        return root.resolve(service.module()).resolve("src/main/resources/application.yml");
    }

    private static Map<String, Object> services() {
        return map(compose.get("services"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static List<Object> list(Object value) {
        return value == null ? List.of() : new ArrayList<>((List<?>) value);
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a directory above the tests holding docker-compose.yml").isNotNull();
        return dir;
    }
}
