package dev.kcscim.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An unpacked Keycloak distribution with our bundle JAR in {@code providers/}. Unpacking is skipped when the
 * folder already holds the same zip (same path, size and modification time), so repeated runs start faster.
 */
public final class KeycloakInstallation {

    private static final String MARKER = ".unpacked-from";

    private final Path home;

    private KeycloakInstallation(Path home) {
        this.home = home;
    }

    public Path home() {
        return home;
    }

    public Path kcScript() {
        return home.resolve("bin/kc.sh");
    }

    /**
     * Unpacks {@code zip} under {@code folder} (unless already there) and installs {@code bundleJar} as the only
     * extra provider, so classes never end up in {@code providers/} twice.
     */
    public static KeycloakInstallation prepare(Path zip, Path folder, Path bundleJar) {
        try {
            Files.createDirectories(folder);
            Path marker = folder.resolve(MARKER);
            String identity = zip + "|" + Files.size(zip) + "|" + Files.getLastModifiedTime(zip).toMillis();
            Path home = findHome(folder);
            if (home == null || !Files.isRegularFile(marker) || !Files.readString(marker).equals(identity)) {
                deleteChildren(folder);
                unzip(zip, folder);
                Files.writeString(marker, identity);
                home = findHome(folder);
                if (home == null) {
                    throw new IllegalStateException(zip + " holds no Keycloak distribution (no */bin/kc.sh)");
                }
            }
            installProvider(home.resolve("providers"), bundleJar);
            return new KeycloakInstallation(home);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Keycloak under " + folder, e);
        }
    }

    private static void installProvider(Path providers, Path bundleJar) throws IOException {
        Files.createDirectories(providers);
        try (Stream<Path> old = Files.list(providers)) {
            for (Path jar : (Iterable<Path>) old.filter(p -> p.toString().endsWith(".jar"))::iterator) {
                Files.delete(jar);
            }
        }
        Files.copy(bundleJar, providers.resolve(bundleJar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path findHome(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(p -> Files.isRegularFile(p.resolve("bin/kc.sh"))).findFirst().orElse(null);
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path out = root.resolve(entry.getName()).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException("zip entry escapes the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                if (entry.getName().endsWith(".sh")) {
                    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
    }

    static void deleteChildren(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(folder))::iterator) {
                Files.delete(p);
            }
        }
    }
}
