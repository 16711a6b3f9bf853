package se.kommun.moderation.archive.integrity.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Walks the tamper-evident log in order and names the first broken link. An entry is sound when
 * its sequence number follows the previous one, its prev_hash is the previous entry's hash, its
 * entry_hash is the SHA-256 of {@code prev_hash|seq|subject_type|subject_id|subject_digest} (as the
 * V23 trigger computes it), and its subject still has the digest it was logged with.
 */
public final class ChainVerifier {

    public static final String GENESIS = "0".repeat(64);

    /** One log entry with what its subject looks like now ({@code currentDigest} null: the subject is gone). */
    public record Entry(long seq, String subjectType, String subjectId, String subjectDigest, String prevHash,
            String entryHash, String currentDigest, String subjectProblem) {
    }

    public record Break(long seq, String subjectType, String subjectId, String problem) {
    }

    private long lastSeq;
    private String lastHash = GENESIS;
    private long checked;
    private Break broken;

    public static String entryHash(String prevHash, long seq, String subjectType, String subjectId, String subjectDigest) {
        String text = prevHash + '|' + seq + '|' + subjectType + '|' + subjectId + '|' + subjectDigest;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    /** Checks the next entry; false (and {@link #broken()}) from the first broken one on. */
    public boolean accept(Entry e) {
        if (broken != null) {
            return false;
        }
        String problem = null;
        if (e.seq() != lastSeq + 1) {
            problem = "sequence jumps from " + lastSeq + " to " + e.seq() + ": entries are missing";
        } else if (!Objects.equals(e.prevHash(), lastHash)) {
            problem = "prev_hash does not match the previous entry's hash";
        } else if (!Objects.equals(e.entryHash(), entryHash(e.prevHash(), e.seq(), e.subjectType(), e.subjectId(), e.subjectDigest()))) {
            problem = "entry_hash does not match the entry";
        } else if (e.currentDigest() == null) {
            problem = "the " + e.subjectType() + " row is gone";
        } else if (!e.currentDigest().equals(e.subjectDigest())) {
            problem = "the " + e.subjectType() + " row no longer matches its digest: it was changed";
        } else if (e.subjectProblem() != null) {
            problem = e.subjectProblem();
        }
        if (problem != null) {
            broken = new Break(e.seq(), e.subjectType(), e.subjectId(), problem);
            return false;
        }
        lastSeq = e.seq();
        lastHash = e.entryHash();
        checked++;
        return true;
    }

    /** After the last entry: the head row must point at it (a cut-off tail is a break too). */
    public void finish(long headSeq, String headHash) {
        if (broken == null && (headSeq != lastSeq || !Objects.equals(headHash, lastHash))) {
            broken = new Break(lastSeq + 1, null, null, "the chain head (seq " + headSeq
                    + ") does not match the last entry (seq " + lastSeq + "): entries were removed or the head was altered");
        }
    }

    /** Marks a subject row that has no log entry at all. */
    public void unlogged(String subjectType, String subjectId) {
        if (broken == null) {
            broken = new Break(0, subjectType, subjectId, "the " + subjectType + " row is not in the log");
        }
    }

    public Break broken() {
        return broken;
    }

    public long checked() {
        return checked;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public String lastHash() {
        return lastHash;
    }
}
