package dev.kcscim.testsupport.mocktarget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * An independent SCIM 2.0 service provider: the npm package SCIMMY behind the small wrapper in
 * {@code test-targets/scimmy} (in-memory storage), run with {@code node} on {@code 127.0.0.1}. Its dependencies
 * are installed with {@code npm ci} when missing (normally done by {@code scripts/install-test-prerequisites.sh}).
 */
public final class ScimmyTarget implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final int port;

    private ScimmyTarget(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Whether {@code node} and {@code npm} are on the PATH. */
    public static boolean available() {
        return runs("node", "--version") && runs("npm", "--version");
    }

    /** Starts the wrapper on a free port, requiring {@code Authorization: Bearer token}. */
    public static ScimmyTarget start(String token) {
        Path dir = wrapperDir();
        try {
            if (!Files.isDirectory(dir.resolve("node_modules/scimmy"))) {
                Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(dir.toFile())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!install.waitFor(180, TimeUnit.SECONDS) || install.exitValue() != 0) {
                    throw new IllegalStateException("npm ci failed in " + dir);
                }
            }
            ProcessBuilder builder = new ProcessBuilder("node", "server.js", "0").directory(dir.toFile())
                    .redirectErrorStream(true);
            builder.environment().put("SCIM_TOKEN", token);
            Process process = builder.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.startsWith("LISTENING ")) {
                process.destroyForcibly();
                throw new IllegalStateException("SCIMMY wrapper did not start: " + line);
            }
            Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "scimmy-output");
            drain.setDaemon(true);
            drain.start();
            return new ScimmyTarget(process, Integer.parseInt(line.substring("LISTENING ".length()).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the SCIMMY wrapper in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/scim/v2";
    }

    /** Everything the server stores: {@code {"Users":[...],"Groups":[...]}}. */
    public JsonNode state() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_state"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The stored user whose userName is {@code userName} (case-insensitive), or null. */
    public JsonNode user(String userName) {
        return find("Users", "userName", userName);
    }

    /** The stored group whose displayName is {@code displayName}, or null. */
    public JsonNode group(String displayName) {
        return find("Groups", "displayName", displayName);
    }

    private JsonNode find(String type, String attribute, String value) {
        for (JsonNode resource : state().path(type)) {
            if (value.equalsIgnoreCase(resource.path(attribute).asText())) {
                return resource;
            }
        }
        return null;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** {@code test-targets/scimmy}, found from the system property {@code scimmy.dir} or upwards from here. */
    static Path wrapperDir() {
        String configured = System.getProperty("scimmy.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("test-targets/scimmy");
            if (Files.isRegularFile(candidate.resolve("server.js"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("test-targets/scimmy not found above " + Path.of("").toAbsolutePath());
    }

    private static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
