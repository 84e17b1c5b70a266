package dev.kcscim.testsupport.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's private PostgreSQL on 127.0.0.1, started through {@code scripts/postgres.sh} (which installs
 * Debian's {@code postgresql} when missing). {@link #close()} stops the instance only when this object started
 * it, so a PostgreSQL that {@code .ci/run} or a developer started beforehand keeps running.
 *
 * <p>System properties: {@code kc.postgres.script} (default: {@code scripts/postgres.sh} found by walking up from
 * the working directory), {@code kc.postgres.dir} (default: {@code postgres} beside {@code kc.work.dir}).
 */
public final class PostgresDatabase implements AutoCloseable {

    public static final String USERNAME = "keycloak";
    public static final String PASSWORD = "keycloak";
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(5);

    private final Path script;
    /** The folder asked for; stop passes it again so the script resolves the same instance. */
    private final Path requestedDir;
    /** Where the instance really lives (the script may move it to /tmp, see scripts/postgres.sh). */
    private final Path dir;
    private final String jdbcUrl;
    private final int port;
    private final boolean startedHere;

    private PostgresDatabase(Path script, Path requestedDir, Path dir, String jdbcUrl, int port, boolean startedHere) {
        this.script = script;
        this.requestedDir = requestedDir;
        this.dir = dir;
        this.jdbcUrl = jdbcUrl;
        this.port = port;
        this.startedHere = startedHere;
    }

    /**
     * Starts (or reuses) the instance under {@code dir} and gives Keycloak an empty database {@code database}
     * (dropped and created again, so every run starts from a fresh schema), owned by {@link #USERNAME}.
     */
    public static PostgresDatabase startFresh(Path dir, String database) {
        Path script = locateScript();
        Path output = dir.resolveSibling(dir.getFileName() + "-script.log");
        String text = Commands.run(List.of("bash", script.toString(), "start", "--dir", dir.toString(), "--db", database,
                        "--user", USERNAME, "--password", PASSWORD, "--recreate-db"),
                script.getParent().getParent(), Map.of(), output, SCRIPT_TIMEOUT);
        Map<String, String> values = keyValues(text);
        String jdbcUrl = required(values, "JDBC_URL", text);
        int port = Integer.parseInt(required(values, "PG_PORT", text));
        boolean started = Boolean.parseBoolean(required(values, "PG_STARTED", text));
        return new PostgresDatabase(script, dir, Path.of(required(values, "PG_DIR", text)), jdbcUrl, port, started);
    }

    /** The default instance folder: {@code postgres} beside {@code workDir} (e.g. {@code integration-tests/target/postgres}). */
    public static Path defaultDir(Path workDir) {
        String configured = System.getProperty("kc.postgres.dir");
        return configured != null && !configured.isBlank()
                ? Path.of(configured).toAbsolutePath().normalize()
                : workDir.toAbsolutePath().normalize().resolveSibling("postgres");
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>}. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public int port() {
        return port;
    }

    /** The instance's folder: data, {@code postgres.log}, {@code port}. */
    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        if (startedHere) {
            Commands.run(List.of("bash", script.toString(), "stop", "--dir", requestedDir.toString()), script.getParent(),
                    Map.of(), requestedDir.resolveSibling(requestedDir.getFileName() + "-stop.log"), Duration.ofSeconds(60));
        }
    }

    static Path locateScript() {
        String configured = System.getProperty("kc.postgres.script");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("scripts/postgres.sh");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("scripts/postgres.sh not found above " + System.getProperty("user.dir")
                + "; set -Dkc.postgres.script=<path>");
    }

    private static Map<String, String> keyValues(String text) {
        Map<String, String> values = new HashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).matches("[A-Z_]+")) {
                values.put(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        return values;
    }

    private static String required(Map<String, String> values, String key, String output) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("scripts/postgres.sh printed no " + key + ":\n" + output);
        }
        return value;
    }

    @Override
    public String toString() {
        return "PostgreSQL[" + jdbcUrl + ", " + dir + "]";
    }
}
