package dev.kcscim.it.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code integration-tests/browser/admin-ui.spec.mjs} (headless Debian chromium through npm playwright-core)
 * as a child process. Without chromium, node or playwright-core the calling test is skipped with the reason;
 * {@code scripts/install-test-prerequisites.sh} installs all three.
 */
final class BrowserScript {

    static final Path DIR = Path.of(System.getProperty("user.dir"), "browser");
    static final Path SCREENSHOTS = Path.of(System.getProperty("user.dir"), "target", "screenshots");
    static final Path CHROMIUM = Path.of(System.getProperty("kcscim.chromium", "/usr/bin/chromium"));

    private BrowserScript() {
    }

    /** Skips the test unless the browser tool chain is installed. */
    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(CHROMIUM), "AdminUiIT skipped: no chromium at " + CHROMIUM
                + " (run scripts/install-test-prerequisites.sh as root, or apt-get install chromium)");
        assumeTrue(Files.isRegularFile(DIR.resolve("node_modules/playwright-core/package.json")),
                "AdminUiIT skipped: playwright-core missing (run scripts/install-test-prerequisites.sh, or npm ci in "
                        + DIR + ")");
        assumeTrue(onPath("node"), "AdminUiIT skipped: node is not installed");
    }

    /** Runs the script in {@code mode}; fails the test with the script's output unless it exits 0. */
    static String run(String mode, Map<String, String> env) throws IOException, InterruptedException {
        Files.createDirectories(SCREENSHOTS);
        Path log = SCREENSHOTS.resolve(mode + ".log");
        ProcessBuilder builder = new ProcessBuilder("node", DIR.resolve("admin-ui.spec.mjs").toString())
                .directory(DIR.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("MODE", mode);
        builder.environment().put("SCREENSHOT_DIR", SCREENSHOTS.toString());
        builder.environment().put("CHROMIUM", CHROMIUM.toString());
        Process process = builder.start();
        boolean finished = process.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println("--- browser script (" + mode + ") ---\n" + output);
        assertThat(finished).as("browser script finished in time:\n" + output).isTrue();
        assertThat(process.exitValue()).as("browser script exit code; output:\n" + output).isZero();
        return output;
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
