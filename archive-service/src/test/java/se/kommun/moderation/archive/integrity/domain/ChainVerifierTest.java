package se.kommun.moderation.archive.integrity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private static List<ChainVerifier.Entry> chain(int n) {
        List<ChainVerifier.Entry> entries = new ArrayList<>();
        String prev = ChainVerifier.GENESIS;
        for (int seq = 1; seq <= n; seq++) {
            String digest = "d" + seq;
            String hash = ChainVerifier.entryHash(prev, seq, "record_version", Integer.toString(seq), digest);
            entries.add(new ChainVerifier.Entry(seq, "record_version", Integer.toString(seq), digest, prev, hash, digest, null));
            prev = hash;
        }
        return entries;
    }

    private static ChainVerifier verify(List<ChainVerifier.Entry> entries) {
        ChainVerifier v = new ChainVerifier();
        entries.forEach(v::accept);
        ChainVerifier.Entry last = entries.get(entries.size() - 1);
        v.finish(last.seq(), last.entryHash());
        return v;
    }

    @Test
    void anIntactChainVerifies() {
        ChainVerifier v = verify(chain(5));
        assertThat(v.broken()).isNull();
        assertThat(v.checked()).isEqualTo(5);
    }

    @Test
    void namesTheFirstChangedSubject() {
        List<ChainVerifier.Entry> entries = chain(5);
        ChainVerifier.Entry e = entries.get(2);
        entries.set(2, new ChainVerifier.Entry(e.seq(), e.subjectType(), e.subjectId(), e.subjectDigest(), e.prevHash(),
                e.entryHash(), "changed", null));
        assertThat(verify(entries).broken().seq()).isEqualTo(3);
        assertThat(verify(entries).broken().problem()).contains("no longer matches");
    }

    @Test
    void aRewrittenEntryOrAMissingOneBreaksTheChain() {
        List<ChainVerifier.Entry> rewritten = chain(4);
        ChainVerifier.Entry e = rewritten.get(1);
        rewritten.set(1, new ChainVerifier.Entry(e.seq(), e.subjectType(), e.subjectId(), "forged", e.prevHash(),
                e.entryHash(), "forged", null));
        assertThat(verify(rewritten).broken().problem()).contains("entry_hash");

        List<ChainVerifier.Entry> gap = chain(4);
        gap.remove(1);
        assertThat(verify(gap).broken().seq()).isEqualTo(3);
    }

    @Test
    void aCutOffTailIsReportedAgainstTheHead() {
        List<ChainVerifier.Entry> entries = chain(4);
        ChainVerifier v = new ChainVerifier();
        entries.subList(0, 3).forEach(v::accept);
        v.finish(4, entries.get(3).entryHash());
        assertThat(v.broken().problem()).contains("chain head");
    }
}
