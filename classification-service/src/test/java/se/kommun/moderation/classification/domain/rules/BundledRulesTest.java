package se.kommun.moderation.classification.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A detector asks for its concepts by name and sees no hits for a name no file defines; this test
 * makes sure every name the code asks for is defined by the bundled rule files.
 */
class BundledRulesTest {

    private static final Pattern CONCEPT_CALL = Pattern.compile("concept\\(\"([a-z_]+)\"\\)");

    @Test
    void everyConceptTheDetectorsAskForIsDefined() throws IOException {
        Set<String> asked = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CONCEPT_CALL.matcher(Files.readString(source));
                while (m.find()) {
                    asked.add(m.group(1));
                }
            }
        }
        RuleSet rules = RuleSetRegistry.bundled().current();
        assertThat(asked).isNotEmpty().allSatisfy(name ->
                assertThat(rules.concept(name)).as("concept %s", name).isNotNegative());
    }

    @Test
    void everyBundledFileIsListedInTheIndex() throws IOException {
        Path root = Path.of("src/main/resources/rules");
        Set<String> onDisk = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(".txt") && !p.getFileName().toString().equals("index.txt"))
                    .forEach(p -> onDisk.add(root.relativize(p).toString().replace('\\', '/')));
        }
        Set<String> loaded = new TreeSet<>();
        RuleSetRegistry.bundled().current().sources().forEach(s -> loaded.add(s.name()));
        assertThat(loaded).isEqualTo(onDisk);
    }

    @Test
    void theBundledPatternsAreAllThere() {
        RuleSet rules = RuleSetRegistry.bundled().current();
        for (String name : new String[] {"diary_number", "url", "magnet_link", "school_class", "bank_account"}) {
            assertThat(rules.pattern(name)).as(name).isNotNull();
        }
    }
}
