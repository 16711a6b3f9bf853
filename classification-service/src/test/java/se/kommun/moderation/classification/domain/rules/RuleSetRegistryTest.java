package se.kommun.moderation.classification.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSetRegistryTest {

    @TempDir
    Path overrides;

    private int writes;

    private void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        // make each change visible to the modification-time check even within one clock tick
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(++writes)));
    }

    @Test
    void theBundledRulesLoadWithAStableVersion() {
        RuleSet first = RuleSetRegistry.bundled().current();
        RuleSet second = RuleSetRegistry.bundled().current();
        assertThat(first.version()).matches("rs-[0-9a-f]{16}").isEqualTo(second.version());
        assertThat(first.sources()).extracting(RuleSource::name).contains("sv/threat.txt", "patterns/case.txt",
                "settings.txt");
        assertThat(first.concept("harm")).isNotNegative();
        assertThat(first.pattern("diary_number")).isNotNull();
    }

    @Test
    void anOverrideFileWithANewNameAddsAndTheVersionChanges() throws IOException {
        String bundled = RuleSetRegistry.bundled().current().version();
        write(overrides.resolve("sv/local.txt"), "[harm]\nkvävas\n");
        RuleSet withLocal = RuleSetRegistry.withOverrides(overrides).current();
        assertThat(withLocal.version()).isNotEqualTo(bundled);
        assertThat(RuleSetTestSupport.hits(withLocal, "han ska kvävas")).contains("harm[kvävas]");
        assertThat(withLocal.sources()).filteredOn(s -> s.name().equals("sv/local.txt"))
                .singleElement().satisfies(s -> assertThat(s.origin()).startsWith("override:"));
    }

    @Test
    void anOverrideFileWithABundledNameReplacesIt() throws IOException {
        write(overrides.resolve("sv/threat.txt"), "[harm]\nkvävas\n");
        RuleSet replaced = RuleSetRegistry.withOverrides(overrides).current();
        assertThat(RuleSetTestSupport.hits(replaced, "ska knivhugga")).noneMatch(h -> h.startsWith("harm["));
        assertThat(RuleSetTestSupport.hits(replaced, "ska kvävas")).contains("harm[kvävas]");
    }

    @Test
    void anOverrideCanRemoveOneBundledPhrase() throws IOException {
        write(overrides.resolve("sv/local.txt"), "[weapon]\n-kofot*\n");
        RuleSet rules = RuleSetRegistry.withOverrides(overrides).current();
        assertThat(RuleSetTestSupport.hits(rules, "med en kofot")).noneMatch(h -> h.startsWith("weapon["));
        assertThat(RuleSetTestSupport.hits(rules, "med en kniv")).contains("weapon[kniv]");
    }

    @Test
    void reloadIfChangedPicksUpAnEditWithoutARestart() throws IOException {
        Path local = overrides.resolve("sv/local.txt");
        write(local, "[harm]\nkvävas\n");
        RuleSetRegistry registry = RuleSetRegistry.withOverrides(overrides);
        String before = registry.current().version();
        assertThat(registry.reloadIfChanged()).isFalse();

        write(local, "[harm]\nkvävas\nstrypas\n");
        assertThat(registry.reloadIfChanged()).isTrue();
        assertThat(registry.current().version()).isNotEqualTo(before);
        assertThat(RuleSetTestSupport.hits(registry.current(), "ska strypas")).contains("harm[strypas]");
    }

    @Test
    void aBrokenFileIsRejectedAndThePreviousRulesStayInForce() throws IOException {
        Path local = overrides.resolve("sv/local.txt");
        write(local, "[harm]\nkvävas\n");
        RuleSetRegistry registry = RuleSetRegistry.withOverrides(overrides);
        List<String> problems = new ArrayList<>();
        registry.onProblem(problems::add);
        String before = registry.current().version();

        write(local, "kvävas without a section\n");
        registry.reloadIfChanged();
        assertThat(registry.current().version()).isEqualTo(before);
        assertThat(problems).singleElement().asString().contains("sv/local.txt:1");
    }

    @Test
    void theWatcherReloadsOnItsOwn() throws Exception {
        Path local = overrides.resolve("sv/local.txt");
        write(local, "[harm]\nkvävas\n");
        try (RuleSetRegistry registry = RuleSetRegistry.withOverrides(overrides)) {
            String before = registry.current().version();
            registry.startWatching(Duration.ofMillis(100));
            write(local, "[harm]\nkvävas\nstrypas\n");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (registry.current().version().equals(before) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(registry.current().version()).isNotEqualTo(before);
        }
    }

    @Test
    void aMissingOverrideDirectoryMeansTheBundledRules() {
        RuleSet rules = RuleSetRegistry.withOverrides(overrides.resolve("not-there")).current();
        assertThat(rules.version()).isEqualTo(RuleSetRegistry.bundled().current().version());
    }
}
