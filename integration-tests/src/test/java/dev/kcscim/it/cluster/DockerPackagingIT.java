package dev.kcscim.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kcscim.testsupport.cluster.ClusterConfig;
import dev.kcscim.testsupport.cluster.KeycloakCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code docker/} is correct by construction without a Docker engine: the image is the Keycloak version the tests
 * run, it copies the JAR this build produces and is built with the cluster tests' options, and
 * {@code compose.yml} starts its nodes with the options the cluster test starts its nodes with. (An *IT because it
 * needs the bundle JAR that {@code package} builds; it starts no server.)
 */
class DockerPackagingIT {

    private static final Path ROOT = repositoryRoot();
    private static final Path DOCKER = ROOT.resolve("docker");

    @Test
    void imageIsTheKeycloakVersionTheTestsRun() throws IOException {
        String zip = Path.of(System.getProperty("kc.dist.zip")).getFileName().toString();
        Matcher version = Pattern.compile("keycloak-quarkus-dist-(.+)\\.zip").matcher(zip);
        assertThat(version.matches()).as(zip).isTrue();

        List<String> froms = instructions(DOCKER.resolve("Dockerfile"), "FROM");

        assertThat(froms).hasSize(2);
        assertThat(froms.get(1)).isEqualTo("quay.io/keycloak/keycloak:" + version.group(1));
    }

    @Test
    void copiesExactlyTheBundleJarThisBuildProduces() throws IOException {
        Path bundle = Path.of(System.getProperty("scim.bundle.jar"));
        List<String> lines = instructions(DOCKER.resolve("Dockerfile"), "ARG");
        String scimVersion = lines.stream().filter(l -> l.startsWith("SCIM_VERSION=")).findFirst().orElseThrow()
                .substring("SCIM_VERSION=".length());
        List<String> copies = instructions(DOCKER.resolve("Dockerfile"), "COPY").stream()
                .filter(c -> c.endsWith("/opt/keycloak/providers/")).toList();

        assertThat(copies).hasSize(1);
        List<String> words = Arrays.asList(copies.get(0).split("\\s+"));
        String source = words.get(words.size() - 2).replace("${SCIM_VERSION}", scimVersion);
        assertThat(source).isEqualTo("/src/bundle/target/" + bundle.getFileName());
        assertThat(words).contains("--from=build");
    }

    @Test
    void imageIsBuiltWithTheClusterTestsBuildOptions() throws IOException {
        List<String> runs = instructions(DOCKER.resolve("Dockerfile"), "RUN").stream()
                .filter(r -> r.startsWith("/opt/keycloak/bin/kc.sh build")).toList();

        assertThat(runs).hasSize(1);
        List<String> options = Arrays.asList(runs.get(0).substring("/opt/keycloak/bin/kc.sh build".length()).trim().split("\\s+"));
        assertThat(options).containsExactlyInAnyOrderElementsOf(ClusterConfig.DEFAULT.buildArguments());
    }

    @Test
    void scimTargetImageCopiesFilesThatExist() throws IOException {
        List<String> copies = instructions(DOCKER.resolve("scim-target.Dockerfile"), "COPY");

        assertThat(copies).isNotEmpty();
        for (String copy : copies) {
            List<String> words = Arrays.asList(copy.split("\\s+"));
            for (String source : words.subList(0, words.size() - 1)) {
                assertThat(ROOT.resolve(source)).as(copy).isRegularFile();
            }
        }
    }

    /**
     * The compose nodes run the cluster test's options, except {@code --http-host}: inside a container Keycloak
     * listens on the container's interfaces and compose publishes the port on the host's 127.0.0.1 only.
     */
    @Test
    void composeNodesMirrorTheClusterTestNodes() throws Exception {
        Assumptions.assumeTrue(pythonWithYaml(), "python3 with PyYAML (Debian python3-yaml) is not installed: compose.yml not checked");

        JsonNode parsed = new ObjectMapper().readTree(run("python3", DOCKER.resolve("validate.py").toString()));

        assertThat(options(parsed.path("nodes").path("node-1"))).containsExactlyInAnyOrderElementsOf(
                withoutHttpHost(KeycloakCluster.nodeStartArguments(1, 8080, 9000, 7800)));
        assertThat(options(parsed.path("nodes").path("node-2"))).containsExactlyInAnyOrderElementsOf(
                withoutHttpHost(KeycloakCluster.nodeStartArguments(2, 8081, 9001, 7801)));
        assertThat(parsed.path("db_url").asText()).isEqualTo("jdbc:postgresql://postgres:5432/keycloak");
    }

    private static List<String> withoutHttpHost(List<String> options) {
        return options.stream().filter(o -> !o.startsWith("--http-host=")).toList();
    }

    private static List<String> options(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(o -> list.add(o.asText()));
        return list;
    }

    /** The arguments of every {@code keyword} instruction, continuation lines joined, comments dropped. */
    private static List<String> instructions(Path dockerfile, String keyword) throws IOException {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(dockerfile, StandardCharsets.UTF_8)) {
            if (line.trim().startsWith("#")) {
                continue;
            }
            boolean continued = line.endsWith("\\");
            current.append(continued ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!continued) {
                String instruction = current.toString().trim().replaceAll("\\s+", " ");
                if (instruction.startsWith(keyword + " ")) {
                    result.add(instruction.substring(keyword.length() + 1).trim());
                }
                current.setLength(0);
            }
        }
        return result;
    }

    private static boolean pythonWithYaml() {
        try {
            run("python3", "-c", "import yaml");
            return true;
        } catch (IllegalStateException | IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + new String(output, StandardCharsets.UTF_8));
        }
        return new String(output, StandardCharsets.UTF_8);
    }

    private static Path repositoryRoot() {
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docker/Dockerfile"))) {
                return p;
            }
        }
        throw new IllegalStateException("docker/Dockerfile not found above " + System.getProperty("user.dir"));
    }
}
