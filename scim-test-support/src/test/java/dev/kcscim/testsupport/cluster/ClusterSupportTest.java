package dev.kcscim.testsupport.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of the cluster harness that need no running server: log parsing, configs, the bundle digest. */
class ClusterSupportTest {

    private static final String JOINED = "2026-11-29 05:27:16,534 INFO  [org.infinispan.CLUSTER] (jgroups-5,node-1(v=16.0.14)) "
            + "ISPN000094: Received new cluster view for channel ISPN: [node-1(v=16.0.14)|1] (2) [node-1(v=16.0.14), node-2(v=16.0.14)]";
    private static final String LEFT = "2026-11-29 05:27:31,042 INFO  [org.infinispan.CLUSTER] (jgroups-8,node-1(v=16.0.14)) "
            + "ISPN000094: Received new cluster view for channel ISPN: [node-1(v=16.0.14)|2] (1) [node-1(v=16.0.14)]";

    @Test
    void clusterViewIsTheLastLoggedViewWithoutVersions() {
        assertThat(KeycloakNode.lastClusterView("")).isEmpty();
        assertThat(KeycloakNode.lastClusterView("starting\n" + JOINED + "\nother line")).containsExactly("node-1", "node-2");
        assertThat(KeycloakNode.lastClusterView(JOINED + "\n" + LEFT + "\n")).containsExactly("node-1");
    }

    @Test
    void defaultConfigUsesTheKeycloakDatabaseAndTheDockerBuildOptions() {
        assertThat(ClusterConfig.DEFAULT.nodes()).isEqualTo(2);
        assertThat(ClusterConfig.DEFAULT.folderName()).isEqualTo("cluster-default");
        assertThat(ClusterConfig.DEFAULT.databaseName()).isEqualTo("keycloak");
        assertThat(ClusterConfig.DEFAULT.buildArguments())
                .containsExactly("--db=postgres", "--health-enabled=true", "--metrics-enabled=true");
    }

    @Test
    void otherConfigsGetTheirOwnFolderDatabaseAndFeatures() {
        ClusterConfig config = new ClusterConfig(3, List.of("scim-api"), List.of("--spi-x--y--z=1"));

        assertThat(config.folderName()).startsWith("cluster-").isNotEqualTo("cluster-default");
        assertThat(config.databaseName()).matches("kc_[0-9a-f]+");
        assertThat(config.buildArguments()).endsWith("--features=scim-api");
        assertThatThrownBy(() -> new ClusterConfig(0, List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nodeOptionsBindEverythingToLoopback() {
        List<String> options = KeycloakCluster.nodeStartArguments(2, 8081, 9001, 7801);

        assertThat(options).contains("--http-host=127.0.0.1", "--http-port=8081", "--http-management-port=9001",
                "--cache=ispn", "--cache-embedded-network-bind-address=127.0.0.1", "--cache-embedded-network-bind-port=7801",
                "--spi-cache-embedded--default--node-name=node-2");
    }

    @Test
    void bundleDigestIgnoresEntryTimesButNotContent(@TempDir Path dir) throws IOException {
        Path a = jar(dir.resolve("a.jar"), 1_000_000L, "x");
        Path b = jar(dir.resolve("b.jar"), 9_000_000L, "x");
        Path c = jar(dir.resolve("c.jar"), 1_000_000L, "y");
        Files.setLastModifiedTime(b, FileTime.fromMillis(5_000_000L));

        assertThat(ClusterDistribution.contentDigest(a)).isEqualTo(ClusterDistribution.contentDigest(b));
        assertThat(ClusterDistribution.contentDigest(a)).isNotEqualTo(ClusterDistribution.contentDigest(c));
    }

    private static Path jar(Path path, long entryTime, String content) throws IOException {
        try (OutputStream out = Files.newOutputStream(path); ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry = new ZipEntry("META-INF/x.txt");
            entry.setTime(entryTime);
            zip.putNextEntry(entry);
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return path;
    }
}
