package se.kommun.moderation.classification.domain.rules;

import java.util.Objects;

/**
 * One rule or lexicon file as loaded: its name relative to the rules root (e.g. "sv/threat.txt")
 * and its text. Where it came from (bundled or a municipality's override directory) is recorded
 * for the audit trail; the version hash covers name and text.
 */
public record RuleSource(String name, String content, String origin) {

    public RuleSource {
        Objects.requireNonNull(name, "name is required");
        Objects.requireNonNull(content, "content is required");
        name = name.replace('\\', '/');
        origin = origin == null ? "bundled" : origin;
    }

    /** "sv/threat.txt" → "sv"; "settings.txt" → "". */
    public String directory() {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }
}
