package se.kommun.moderation.classification.domain.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the bundled rule files (listed in {@code rules/index.txt} on the classpath, since a jar
 * cannot be listed) and a municipality's override directory. An override file with the same
 * relative name as a bundled one replaces it; any other file adds to the set.
 */
public final class RuleSourceLoader {

    static final String BUNDLED_ROOT = "rules/";

    private RuleSourceLoader() {
    }

    public static List<RuleSource> bundled() {
        String index = readResource(BUNDLED_ROOT + "index.txt");
        List<RuleSource> sources = new ArrayList<>();
        for (String line : index.split("\r?\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            sources.add(new RuleSource(name, readResource(BUNDLED_ROOT + name), "bundled"));
        }
        return sources;
    }

    /** Every {@code .txt} file below {@code directory}, named by its path relative to it. */
    public static List<RuleSource> directory(Path directory) {
        if (directory == null || !Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            List<RuleSource> sources = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".txt"))
                    .sorted().toList()) {
                String name = directory.relativize(file).toString().replace('\\', '/');
                sources.add(new RuleSource(name, Files.readString(file, StandardCharsets.UTF_8),
                        "override:" + directory));
            }
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule overrides in " + directory, e);
        }
    }

    /** The bundled files with the overrides laid over them. */
    public static List<RuleSource> merged(List<RuleSource> bundled, List<RuleSource> overrides) {
        Map<String, RuleSource> byName = new LinkedHashMap<>();
        bundled.forEach(source -> byName.put(source.name(), source));
        overrides.forEach(source -> byName.put(source.name(), source));
        return new ArrayList<>(byName.values());
    }

    private static String readResource(String name) {
        try (InputStream in = RuleSourceLoader.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("bundled rule file missing from the classpath: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled rule file " + name, e);
        }
    }
}
