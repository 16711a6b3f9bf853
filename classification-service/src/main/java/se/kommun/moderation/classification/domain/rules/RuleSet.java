package se.kommun.moderation.classification.domain.rules;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import se.kommun.moderation.classification.domain.text.Tokens;

/**
 * Everything loaded from the rule files, compiled: the concepts, one phrase matcher over all
 * lexicons, the named patterns and the settings, plus the version (a hash of exactly the files
 * loaded). Immutable and thread-safe; a reload builds a new one.
 */
public final class RuleSet {

    private final List<RuleSource> sources;
    private final String version;
    private final Map<String, Integer> conceptIds;
    private final String[] conceptNames;
    private final int[][] masks;
    private final PhraseMatcher matcher;
    private final List<LexiconEntry> entries;
    private final Map<String, Pattern> patterns;
    private final Map<String, Double> settings;

    RuleSet(List<RuleSource> sources, String version, Map<String, Integer> conceptIds, String[] conceptNames,
            int[][] masks, PhraseMatcher matcher, List<LexiconEntry> entries, Map<String, Pattern> patterns,
            Map<String, Double> settings) {
        this.sources = List.copyOf(sources);
        this.version = version;
        this.conceptIds = Map.copyOf(conceptIds);
        this.conceptNames = conceptNames;
        this.masks = masks;
        this.matcher = matcher;
        this.entries = List.copyOf(entries);
        this.patterns = Map.copyOf(patterns);
        this.settings = Map.copyOf(settings);
    }

    /** "rs-" and the first 16 hex digits of SHA-256 over the loaded files (names and contents). */
    public String version() {
        return version;
    }

    public List<RuleSource> sources() {
        return sources;
    }

    /** The id of a concept, or -1 when no loaded file defines it (its detector then sees no hits). */
    public int concept(String name) {
        Integer id = conceptIds.get(name);
        return id == null ? -1 : id;
    }

    public String conceptName(int id) {
        return conceptNames[id];
    }

    public int conceptCount() {
        return conceptNames.length;
    }

    public LexiconEntry entry(int index) {
        return entries.get(index);
    }

    /** Every lexicon entry in force, in load order. */
    public List<LexiconEntry> entries() {
        return entries;
    }

    /** The named pattern, or null when none is loaded. */
    public Pattern pattern(String name) {
        return patterns.get(name);
    }

    public double setting(String key, double fallback) {
        return settings.getOrDefault(key, fallback);
    }

    /** Matches every lexicon against one tokenized comment; idiom masks already applied. */
    public ConceptHits match(Tokens tokens) {
        ConceptHits hits = new ConceptHits(conceptNames.length);
        matcher.match(tokens, hits);
        hits.applyMasks(masks);
        return hits;
    }
}
