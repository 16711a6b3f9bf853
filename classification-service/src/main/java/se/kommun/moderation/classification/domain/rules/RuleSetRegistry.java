package se.kommun.moderation.classification.domain.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Holds the rule set in force and swaps it without a restart. {@link #reload()} re-reads the
 * bundled files and the override directory; {@link #reloadIfChanged()} does so only when a file
 * in the override directory was added, removed or modified (names, sizes and modification times).
 * A rule set that fails to compile is rejected and the previous one stays in force.
 */
public final class RuleSetRegistry implements AutoCloseable {

    private final Path overrideDirectory;
    private final AtomicReference<RuleSet> current = new AtomicReference<>();
    private volatile String overrideFingerprint;
    private volatile Consumer<String> problemListener = problem -> { };
    private ScheduledExecutorService watcher;

    private RuleSetRegistry(Path overrideDirectory) {
        this.overrideDirectory = overrideDirectory;
        this.overrideFingerprint = fingerprint();
        current.set(load());
    }

    /** The bundled rules only. */
    public static RuleSetRegistry bundled() {
        return new RuleSetRegistry(null);
    }

    /** The bundled rules with a municipality's overrides from {@code directory} (which may not exist yet). */
    public static RuleSetRegistry withOverrides(Path directory) {
        return new RuleSetRegistry(Objects.requireNonNull(directory, "directory"));
    }

    public RuleSet current() {
        return current.get();
    }

    /** Called with a problem description (file and line, never comment text) when a reload is rejected. */
    public void onProblem(Consumer<String> listener) {
        this.problemListener = Objects.requireNonNull(listener);
    }

    /** Re-reads every file; returns the rule set now in force. */
    public synchronized RuleSet reload() {
        String fingerprint = fingerprint();
        try {
            RuleSet loaded = load();
            current.set(loaded);
        } catch (RuntimeException e) {
            problemListener.accept(e.getMessage());
        }
        overrideFingerprint = fingerprint;
        return current.get();
    }

    /** Reloads when the override directory changed since the last load; returns whether it did. */
    public synchronized boolean reloadIfChanged() {
        String fingerprint = fingerprint();
        if (fingerprint.equals(overrideFingerprint)) {
            return false;
        }
        String before = current.get().version();
        reload();
        return !before.equals(current.get().version());
    }

    /** Checks the override directory every {@code interval} on a daemon thread. */
    public synchronized void startWatching(Duration interval) {
        if (overrideDirectory == null || watcher != null) {
            return;
        }
        watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rule-set-watcher");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(100, interval.toMillis());
        watcher.scheduleWithFixedDelay(() -> {
            try {
                reloadIfChanged();
            } catch (RuntimeException e) {
                problemListener.accept(e.getMessage());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.shutdownNow();
            watcher = null;
        }
    }

    private RuleSet load() {
        List<RuleSource> sources = RuleSourceLoader.merged(RuleSourceLoader.bundled(),
                RuleSourceLoader.directory(overrideDirectory));
        return RuleSetCompiler.compile(sources);
    }

    private String fingerprint() {
        if (overrideDirectory == null || !Files.isDirectory(overrideDirectory)) {
            return "none";
        }
        try (Stream<Path> files = Files.walk(overrideDirectory)) {
            List<String> parts = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                parts.add(file + ":" + attributes.size() + ":" + attributes.lastModifiedTime().toMillis());
            }
            return String.join("|", parts);
        } catch (IOException e) {
            return "unreadable:" + e.getClass().getSimpleName();
        }
    }
}
