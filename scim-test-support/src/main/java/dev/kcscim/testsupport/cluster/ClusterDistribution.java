package dev.kcscim.testsupport.cluster;

import dev.kcscim.testsupport.HarnessSettings;
import dev.kcscim.testsupport.KeycloakInstallation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The distribution the nodes of one cluster run: unpacked once, our bundle JAR in {@code providers/}, augmented
 * once by {@code kc.sh build}, then copied per node. Two JVMs must not share one home: each writes its
 * transaction log and temporary files under {@code data/}, so every node gets its own copy (without
 * {@code data/}), made fresh at each (re)start.
 */
final class ClusterDistribution {

    private static final String BUILT_MARKER = ".built-with";
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);

    private final Path folder;
    private final Path builtHome;

    private ClusterDistribution(Path folder, Path builtHome) {
        this.folder = folder;
        this.builtHome = builtHome;
    }

    /** Unpacks and builds under {@code <kc.work.dir>/<config folder>/dist}, skipping what is already up to date. */
    static ClusterDistribution prepare(HarnessSettings settings, ClusterConfig config) {
        Path folder = settings.workDir().resolve(config.folderName());
        Path distFolder = folder.resolve("dist");
        KeycloakInstallation installation = KeycloakInstallation.prepare(settings.distributionZip(), distFolder, settings.bundleJar());
        Path home = installation.home();
        try {
            String identity = identity(settings.distributionZip()) + "\n" + contentDigest(settings.bundleJar()) + "\n"
                    + String.join(" ", config.buildArguments());
            Path marker = distFolder.resolve(BUILT_MARKER);
            Path markerMtime = distFolder.resolve(BUILT_MARKER + "-provider-mtime");
            Path installedJar = home.resolve("providers").resolve(settings.bundleJar().getFileName());
            if (Files.isRegularFile(marker) && Files.readString(marker).equals(identity) && Files.isRegularFile(markerMtime)) {
                // KeycloakInstallation copied the JAR anew; `start --optimized` exits (code 2, "A provider JAR was
                // updated since the last build") unless its modification time is the one the build recorded
                Files.setLastModifiedTime(installedJar, FileTime.fromMillis(Long.parseLong(Files.readString(markerMtime).trim())));
            } else {
                List<String> command = new ArrayList<>(List.of("bash", installation.kcScript().toString(), "build"));
                command.addAll(config.buildArguments());
                Commands.run(command, home, Map.of(), folder.resolve("build.log"), BUILD_TIMEOUT);
                Files.writeString(markerMtime, Long.toString(Files.getLastModifiedTime(installedJar).toMillis()));
                Files.writeString(marker, identity);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build Keycloak under " + distFolder, e);
        }
        return new ClusterDistribution(folder, home);
    }

    /** {@code <config folder>/node-<index>}: holds the node's {@code server.log} and its home {@code keycloak/}. */
    Path nodeFolder(int index) {
        return folder.resolve("node-" + index);
    }

    /** A fresh copy of the built distribution for node {@code index} (its old copy, if any, is deleted first). */
    Path freshNodeHome(int index) {
        Path nodeHome = nodeFolder(index).resolve("keycloak");
        try {
            if (Files.exists(nodeHome)) {
                deleteTree(nodeHome);
            }
            copyTree(builtHome, nodeHome);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + builtHome + " to " + nodeHome, e);
        }
        return nodeHome;
    }

    private static String identity(Path file) throws IOException {
        return file + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
    }

    /**
     * A digest of the JAR's entry names and contents, blind to entry timestamps: rebuilding an unchanged
     * bundle (every {@code mvn verify} does) must not cost another {@code kc.sh build}.
     */
    static String contentDigest(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<? extends ZipEntry> entries = zip.stream().sorted(Comparator.comparing(ZipEntry::getName)).toList();
            for (ZipEntry entry : entries) {
                digest.update(entry.getName().getBytes(StandardCharsets.UTF_8));
                try (InputStream in = zip.getInputStream(entry)) {
                    digest.update(in.readAllBytes());
                }
            }
            return "bundle sha-256 " + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        Path data = source.resolve("data");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (p.startsWith(data)) {
                    continue;
                }
                Path out = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(out);
                } else {
                    Files.copy(p, out, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
