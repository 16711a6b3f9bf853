package se.kommun.moderation.classification.domain.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns rule files into a {@link RuleSet}. Which parser reads a file depends on where it lives:
 * {@code patterns/*.txt} are regular expressions, {@code settings*.txt} at the root are settings,
 * every other {@code .txt} is a lexicon.
 */
public final class RuleSetCompiler {

    /**
     * Bumped when the detectors' code changes what the same files mean, so the version (and the
     * output event ids) change with the code as well as with the data.
     */
    public static final String LOGIC_VERSION = "sv-classifier-1";

    private RuleSetCompiler() {
    }

    public static RuleSet compile(List<RuleSource> sources) {
        List<RuleSource> ordered = new ArrayList<>(sources);
        ordered.sort(Comparator.comparing(RuleSource::name));
        List<LexiconEntry> entries = new ArrayList<>();
        List<LexiconEntry> removals = new ArrayList<>();
        Map<String, Set<String>> masks = new LinkedHashMap<>();
        Map<String, List<String>> patternLines = new TreeMap<>();
        Map<String, Double> settings = new TreeMap<>();
        for (RuleSource source : ordered) {
            if (!source.name().endsWith(".txt")) {
                continue;
            }
            if (source.directory().equals("patterns")) {
                PatternFileParser.parse(source, patternLines);
            } else if (source.directory().isEmpty() && source.name().startsWith("settings")) {
                SettingsParser.parse(source, settings);
            } else if (!source.directory().isEmpty()) {
                LexiconParser.Parsed parsed = LexiconParser.parse(source);
                entries.addAll(parsed.entries());
                removals.addAll(parsed.removals());
                parsed.masks().forEach((concept, masked) ->
                        masks.computeIfAbsent(concept, k -> new LinkedHashSet<>()).addAll(masked));
            }
        }
        entries.removeIf(entry -> removals.stream().anyMatch(removal ->
                removal.concept().equals(entry.concept()) && removal.tokens().equals(entry.tokens())));

        Map<String, Integer> conceptIds = new LinkedHashMap<>();
        for (LexiconEntry entry : entries) {
            conceptIds.computeIfAbsent(entry.concept(), k -> conceptIds.size());
        }
        masks.values().forEach(masked -> masked.forEach(m -> conceptIds.computeIfAbsent(m, k -> conceptIds.size())));
        masks.keySet().forEach(m -> conceptIds.computeIfAbsent(m, k -> conceptIds.size()));
        String[] names = new String[conceptIds.size()];
        conceptIds.forEach((name, id) -> names[id] = name);
        int[][] maskTable = new int[names.length][];
        for (int id = 0; id < names.length; id++) {
            Set<String> masked = masks.getOrDefault(names[id], Set.of());
            maskTable[id] = masked.stream().mapToInt(conceptIds::get).toArray();
        }
        int[] entryConcepts = entries.stream().mapToInt(e -> conceptIds.get(e.concept())).toArray();
        PhraseMatcher matcher = new PhraseMatcher(entries, entryConcepts);
        return new RuleSet(ordered, version(ordered), conceptIds, names, maskTable, matcher, entries,
                PatternFileParser.compile(patternLines), settings);
    }

    static String version(List<RuleSource> ordered) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(LOGIC_VERSION.getBytes(StandardCharsets.UTF_8));
            for (RuleSource source : ordered) {
                digest.update((byte) 0);
                digest.update(source.name().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(source.content().getBytes(StandardCharsets.UTF_8));
            }
            return "rs-" + HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
