package se.kommun.moderation.archive.evidence.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Who the evidence browser runs as. Chromium renders pages an attacker chose, so it should have
 * its own sandbox and as little of this process's power as possible. Chromium refuses to run its
 * sandbox as root; the service often runs as root (containers, the local stack). Then chromedriver
 * (and so Chromium) is started through a small generated wrapper that switches to an unprivileged
 * user with {@code setpriv} (util-linux) and an empty environment (the service's environment holds
 * database passwords), and {@code --no-sandbox} is dropped. Only when that is impossible (no
 * setpriv, no such user) does Chromium run as root without its sandbox, and the reason is kept for
 * the one log line that says so.
 *
 * <p>The browser's home and profiles live in {@link #workDir()}, owned by that user. The wrapper
 * lives elsewhere, owned by root and not writable by that user: root executes it.
 */
final class BrowserUser implements AutoCloseable {

    private static final List<Path> SETPRIV = List.of(Path.of("/usr/bin/setpriv"), Path.of("/bin/setpriv"));
    private static final Path ENV = Path.of("/usr/bin/env");

    private final Path driverExecutable;
    private final Path workDir;
    private final Optional<Path> wrapperDir;
    private final OptionalInt uid;
    private final Optional<String> noSandboxBecause;

    private BrowserUser(Path driverExecutable, Path workDir, Optional<Path> wrapperDir, OptionalInt uid,
            Optional<String> noSandboxBecause) {
        this.driverExecutable = driverExecutable;
        this.workDir = workDir;
        this.wrapperDir = wrapperDir;
        this.uid = uid;
        this.noSandboxBecause = noSandboxBecause;
    }

    /**
     * @param runAs the user to switch to when this process is root (e.g. {@code nobody}); empty to stay root
     * @param configuredNoSandbox whether the configured arguments ask for {@code --no-sandbox}
     */
    static BrowserUser prepare(Path driver, Optional<String> runAs, boolean configuredNoSandbox) {
        try {
            if (!runningAsRoot()) {
                Path workDir = privateDir("archive-chromium-");
                return new BrowserUser(driver, workDir, Optional.empty(), OptionalInt.empty(),
                        configuredNoSandbox ? Optional.of("the configured arguments say --no-sandbox") : Optional.empty());
            }
            Optional<String> cannot = Optional.empty();
            Optional<Path> setpriv = SETPRIV.stream().filter(Files::isExecutable).findFirst();
            OptionalInt uid = OptionalInt.empty();
            OptionalInt gid = OptionalInt.empty();
            if (runAs.isEmpty()) {
                cannot = Optional.of("the service runs as root and archive.evidence.chromium.run-as is not set");
            } else if (setpriv.isEmpty() || !Files.isExecutable(ENV)) {
                cannot = Optional.of("the service runs as root and setpriv (util-linux) is not installed");
            } else {
                uid = idOf(runAs.get(), "-u");
                gid = idOf(runAs.get(), "-g");
                if (uid.isEmpty() || gid.isEmpty()) {
                    cannot = Optional.of("the service runs as root and the user to run Chromium as does not exist");
                } else if (uid.getAsInt() == 0) {
                    cannot = Optional.of("the service runs as root and archive.evidence.chromium.run-as is root too");
                }
            }
            Path workDir = privateDir("archive-chromium-");
            if (cannot.isPresent()) {
                return new BrowserUser(driver, workDir, Optional.empty(), OptionalInt.empty(), cannot);
            }
            Files.setAttribute(workDir, "unix:uid", uid.getAsInt());
            Files.setAttribute(workDir, "unix:gid", gid.getAsInt());
            Path wrapperDir = privateDir("archive-chromium-launch-");
            Path wrapper = wrapperDir.resolve("chromedriver-as-" + uid.getAsInt());
            Files.writeString(wrapper, wrapper(setpriv.get(), uid.getAsInt(), gid.getAsInt(), workDir, driver),
                    StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("r-x------"));
            return new BrowserUser(wrapper, workDir, Optional.of(wrapperDir), uid, Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare Chromium's work directory", e);
        }
    }

    /** What Selenium starts as "chromedriver": the wrapper when switching users, else the driver itself. */
    Path driverExecutable() {
        return driverExecutable;
    }

    /** Writable by the browser's user: its home, temporary files and profiles. */
    Path workDir() {
        return workDir;
    }

    /** The user id Chromium runs as, when it was switched. */
    OptionalInt switchedTo() {
        return uid;
    }

    /** Why Chromium runs without its sandbox; empty when it has it. */
    Optional<String> noSandboxBecause() {
        return noSandboxBecause;
    }

    /** The configured arguments, with {@code --no-sandbox} only when there is no way around it. */
    List<String> chromiumArguments(List<String> configured) {
        List<String> arguments = new ArrayList<>(configured);
        arguments.remove("--no-sandbox");
        if (noSandboxBecause.isPresent()) {
            arguments.add("--no-sandbox");
        }
        return arguments;
    }

    /** Removes the work directory (profiles included) and the wrapper. Call after every browser has stopped. */
    @Override
    public void close() {
        deleteTree(workDir);
        wrapperDir.ifPresent(BrowserUser::deleteTree);
    }

    static boolean runningAsRoot() {
        try {
            // /proc/self belongs to the process's effective user.
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static String wrapper(Path setpriv, int uid, int gid, Path home, Path driver) {
        // --no-new-privs: a compromised browser cannot gain privileges through setuid programs;
        // Chromium's own sandbox (user namespaces, seccomp) works under it.
        return "#!/bin/sh\n"
                + "# Written by archive-service (evidence browser): runs chromedriver, and the Chromium it starts,\n"
                + "# as an unprivileged user with Chromium's sandbox and without the service's environment.\n"
                + "exec " + quote(setpriv) + " --reuid=" + uid + " --regid=" + gid + " --clear-groups --no-new-privs "
                + quote(ENV) + " -i HOME=" + quote(home) + " TMPDIR=" + quote(home)
                + " PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 " + quote(driver) + " \"$@\"\n";
    }

    private static String quote(Path path) {
        String s = path.toString();
        if (s.indexOf('\'') >= 0) {
            throw new IllegalArgumentException("a path with a quote in it cannot go into the wrapper: " + s);
        }
        return "'" + s + "'";
    }

    private static OptionalInt idOf(String user, String flag) {
        try {
            Process id = new ProcessBuilder("id", flag, "--", user).redirectErrorStream(true).start();
            if (!id.waitFor(5, TimeUnit.SECONDS)) {
                id.destroyForcibly();
                return OptionalInt.empty();
            }
            String out = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return id.exitValue() == 0 && out.matches("\\d+") ? OptionalInt.of(Integer.parseInt(out)) : OptionalInt.empty();
        } catch (IOException e) {
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    private static Path privateDir(String prefix) throws IOException {
        return Files.createTempDirectory(prefix, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
    }

    static void deleteTree(Path root) {
        try {
            if (!Files.exists(root)) {
                return;
            }
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a browser still writing its profile: left for the system's temp cleaning
        }
    }
}
