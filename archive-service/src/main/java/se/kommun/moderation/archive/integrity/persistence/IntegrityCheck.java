package se.kommun.moderation.archive.integrity.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import se.kommun.moderation.archive.gallring.domain.GallringDigest;
import se.kommun.moderation.archive.integrity.domain.ChainVerifier;

/**
 * Verifies the tamper-evident log against the rows it covers: streams the log in order with each
 * subject's current digest (the same SQL functions the triggers used), checks evidence content
 * against its SHA-256 and each protocol row's culled_sha256 against its items, then looks for rows
 * that never made it into the log.
 */
@ApplicationScoped
public class IntegrityCheck {

    private static final String ENTRIES = """
            SELECT l.seq, l.subject_type, l.subject_id, l.subject_digest, l.prev_hash, l.entry_hash,
                   CASE l.subject_type
                     WHEN 'record_version' THEN
                       (SELECT record_version_digest(v) FROM record_version v WHERE v.id = l.subject_id::bigint)
                     WHEN 'evidence_artefact' THEN
                       (SELECT evidence_artefact_digest(a) FROM evidence_artefact a WHERE a.evidence_id = l.subject_id::uuid)
                     WHEN 'gallring_protocol' THEN
                       (SELECT gallring_protocol_digest(p) FROM gallring_protocol p WHERE p.protocol_id = l.subject_id::uuid)
                   END,
                   CASE l.subject_type
                     WHEN 'evidence_artefact' THEN
                       (SELECT CASE WHEN a.content IS NOT NULL THEN
                                      CASE WHEN encode(sha256(a.content), 'hex') = a.sha256 THEN NULL
                                           ELSE 'the evidence artefact''s content no longer matches its SHA-256' END
                                    WHEN EXISTS (SELECT 1 FROM gallring_protocol_item i
                                                  WHERE i.subject_type = 'evidence_artefact'
                                                    AND i.subject_id = l.subject_id AND i.content_sha256 = a.sha256) THEN NULL
                                    ELSE 'the evidence artefact''s content is gone without a gallring protocol item' END
                          FROM evidence_artefact a WHERE a.evidence_id = l.subject_id::uuid)
                   END,
                   CASE l.subject_type
                     WHEN 'gallring_protocol' THEN
                       (SELECT p.culled_sha256 || E'\\n' || coalesce(string_agg(i.subject_type || ':' || i.subject_id
                                   || ':' || i.content_sha256, E'\\n'), '')
                          FROM gallring_protocol p LEFT JOIN gallring_protocol_item i ON i.protocol_id = p.protocol_id
                         WHERE p.protocol_id = l.subject_id::uuid GROUP BY p.culled_sha256)
                   END
              FROM integrity_log l ORDER BY l.seq""";

    private static final String UNLOGGED = """
            (SELECT 'record_version', v.id::text FROM record_version v WHERE NOT EXISTS
                (SELECT 1 FROM integrity_log l WHERE l.subject_type = 'record_version' AND l.subject_id = v.id::text)
             ORDER BY v.id LIMIT 1)
            UNION ALL
            (SELECT 'evidence_artefact', a.evidence_id::text FROM evidence_artefact a WHERE NOT EXISTS
                (SELECT 1 FROM integrity_log l WHERE l.subject_type = 'evidence_artefact' AND l.subject_id = a.evidence_id::text)
             LIMIT 1)
            UNION ALL
            (SELECT 'gallring_protocol', p.protocol_id::text FROM gallring_protocol p WHERE NOT EXISTS
                (SELECT 1 FROM integrity_log l WHERE l.subject_type = 'gallring_protocol' AND l.subject_id = p.protocol_id::text)
             LIMIT 1)""";

    @Inject
    DataSource dataSource;

    public record Report(boolean intact, long entriesChecked, long headSeq, String headHash, ChainVerifier.Break firstBroken,
            Instant checkedAt, long millis) {
    }

    public Report verify() {
        Instant started = Instant.now();
        // One snapshot for the whole walk (writers may go on meanwhile), streamed with a cursor.
        return QuarkusTransaction.requiringNew().timeout(3600).call(() -> {
            ChainVerifier chain = new ChainVerifier();
            long headSeq;
            String headHash;
            try (Connection c = dataSource.getConnection()) {
                try (PreparedStatement s = c.prepareStatement("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")) {
                    s.execute();
                }
                try (PreparedStatement s = c.prepareStatement("SELECT seq, entry_hash FROM integrity_head WHERE id = 1");
                        ResultSet r = s.executeQuery()) {
                    r.next();
                    headSeq = r.getLong(1);
                    headHash = r.getString(2);
                }
                try (PreparedStatement s = c.prepareStatement(ENTRIES)) {
                    s.setFetchSize(2000);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            String problem = r.getString(8);
                            String protocol = r.getString(9);
                            if (problem == null && protocol != null) {
                                problem = checkProtocolItems(protocol);
                            }
                            if (!chain.accept(new ChainVerifier.Entry(r.getLong(1), r.getString(2), r.getString(3),
                                    r.getString(4), r.getString(5), r.getString(6), r.getString(7), problem))) {
                                break;
                            }
                        }
                    }
                }
                chain.finish(headSeq, headHash);
                if (chain.broken() == null) {
                    try (PreparedStatement s = c.prepareStatement(UNLOGGED); ResultSet r = s.executeQuery()) {
                        if (r.next()) {
                            chain.unlogged(r.getString(1), r.getString(2));
                        }
                    }
                }
            }
            return new Report(chain.broken() == null, chain.checked(), headSeq, headHash, chain.broken(), started,
                    Duration.between(started, Instant.now()).toMillis());
        });
    }

    /** "culled_sha256\nitem\nitem…": the protocol's digest must be the one its items give. */
    static String checkProtocolItems(String aggregate) {
        String[] lines = aggregate.split("\n");
        List<GallringDigest.Item> items = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] parts = lines[i].split(":", 3);
            if (parts.length == 3) {
                items.add(new GallringDigest.Item(parts[0], parts[1], parts[2]));
            }
        }
        return GallringDigest.of(items).equals(lines[0]) ? null
                : "the gallring protocol's culled_sha256 does not match its items";
    }

}
