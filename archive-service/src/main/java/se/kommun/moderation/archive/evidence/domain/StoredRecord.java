package se.kommun.moderation.archive.evidence.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A comment's record: its stored versions, oldest first. */
public record StoredRecord(String commentKey, List<StoredVersion> versions) {

    public StoredRecord {
        Objects.requireNonNull(commentKey, "commentKey is required");
        versions = versions.stream().sorted(Comparator.comparingInt(StoredVersion::version)).toList();
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a record has at least one version");
        }
    }

    public StoredVersion latest() {
        return versions.get(versions.size() - 1);
    }

    /** Every version before the latest, newest first. */
    public List<StoredVersion> earlier() {
        List<StoredVersion> earlier = new ArrayList<>(versions.subList(0, versions.size() - 1));
        Collections.reverse(earlier);
        return earlier;
    }
}
