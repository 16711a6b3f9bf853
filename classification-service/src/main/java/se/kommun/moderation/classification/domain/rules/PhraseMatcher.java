package se.kommun.moderation.classification.domain.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import se.kommun.moderation.classification.domain.text.TokenKind;
import se.kommun.moderation.classification.domain.text.Tokens;

/**
 * Every lexicon phrase of every concept in one trie over words, so one scan of a comment finds
 * all of them (no per-comment regex). A phrase never spans two sentences; ".." lets up to three
 * words (and "..." up to eight) stand between two of its words: "bränna .. ner" hits
 * "bränner vi ner".
 */
final class PhraseMatcher {

    private static final int[] NO_INTS = new int[0];

    private static final class Node {
        final TreeMap<Integer, Node> building = new TreeMap<>();
        int[] keys = NO_INTS;
        Node[] next = new Node[0];
        Node shortGap;
        Node longGap;
        List<Integer> terminalList = new ArrayList<>();
        int[] terminals = NO_INTS;

        Node child(int key) {
            int at = Arrays.binarySearch(keys, key);
            return at >= 0 ? next[at] : null;
        }

        void freeze() {
            keys = building.keySet().stream().mapToInt(Integer::intValue).toArray();
            next = building.values().toArray(new Node[0]);
            terminals = terminalList.stream().mapToInt(Integer::intValue).toArray();
            for (Node n : next) {
                n.freeze();
            }
            if (shortGap != null) {
                shortGap.freeze();
            }
            if (longGap != null) {
                longGap.freeze();
            }
        }
    }

    private final TokenKeyIndex keys = new TokenKeyIndex();
    private final Node root = new Node();
    private final int[] entryConcepts;
    private final double[] entryWeights;
    /** Per entry: the exact spellings its tokens need (null where folding is enough), or null. */
    private final String[][] entrySpellings;

    PhraseMatcher(List<LexiconEntry> entries, int[] entryConcepts) {
        this.entryConcepts = entryConcepts;
        this.entryWeights = new double[entries.size()];
        this.entrySpellings = new String[entries.size()][];
        for (int e = 0; e < entries.size(); e++) {
            LexiconEntry entry = entries.get(e);
            entryWeights[e] = entry.weight();
            if (entry.tokens().stream().anyMatch(token -> token.strict() != null)) {
                entrySpellings[e] = entry.tokens().stream().map(PatternToken::strict).toArray(String[]::new);
            }
            Node node = root;
            for (PatternToken token : entry.tokens()) {
                if (token.kind() == PatternToken.Kind.GAP) {
                    if (token.maxGap() <= 3) {
                        node = node.shortGap != null ? node.shortGap : (node.shortGap = new Node());
                    } else {
                        node = node.longGap != null ? node.longGap : (node.longGap = new Node());
                    }
                } else {
                    node = node.building.computeIfAbsent(keys.register(token), k -> new Node());
                }
            }
            node.terminalList.add(e);
        }
        root.freeze();
        keys.freeze();
    }

    /** Finds every phrase in the comment and records its hits. */
    void match(Tokens tokens, ConceptHits hits) {
        int n = tokens.size();
        char[] text = tokens.text().chars();
        int capacity = 16;
        for (int t = 0; t < n; t++) {
            capacity += keys.maxKeysPerWord(tokens.end(t) - tokens.start(t)) + 1;
        }
        // Working arrays that never leave this call: kept per thread and grown when a comment needs more.
        int[][] scratch = SCRATCH.get();
        if (scratch[0].length < n + 1) {
            scratch[0] = new int[Math.max(n + 1, scratch[0].length * 2)];
        }
        if (scratch[1].length < capacity) {
            scratch[1] = new int[Math.max(capacity, scratch[1].length * 2)];
        }
        int[] keyStarts = scratch[0];
        int[] keyBuffer = scratch[1];
        int at = 0;
        for (int t = 0; t < n; t++) {
            keyStarts[t] = at;
            TokenKind kind = tokens.kind(t);
            if (kind != TokenKind.MENTION && kind != TokenKind.MASKED) {
                at = keys.collect(text, tokens.start(t), tokens.end(t), keyBuffer, at);
            }
            if (kind == TokenKind.NUMBER && keys.numberKey() >= 0) {
                keyBuffer[at++] = keys.numberKey();
            }
        }
        keyStarts[n] = at;
        Walk walk = new Walk(tokens, hits, keyStarts, keyBuffer);
        for (int t = 0; t < n; t++) {
            walk.step(root, t, t);
        }
        if (capacity > KEEP_SCRATCH_UP_TO) {
            SCRATCH.remove(); // one huge comment must not pin its arrays to the thread
        }
    }

    private static final int KEEP_SCRATCH_UP_TO = 1 << 16;
    private static final ThreadLocal<int[][]> SCRATCH = ThreadLocal.withInitial(() -> new int[][] {new int[64], new int[1024]});

    private final class Walk {
        final Tokens tokens;
        final ConceptHits hits;
        final int[] keyStarts;
        final int[] keyBuffer;

        Walk(Tokens tokens, ConceptHits hits, int[] keyStarts, int[] keyBuffer) {
            this.tokens = tokens;
            this.hits = hits;
            this.keyStarts = keyStarts;
            this.keyBuffer = keyBuffer;
        }

        /** Tries to consume token {@code t} from {@code node}. */
        void step(Node node, int t, int start) {
            if (node.keys.length == 0) {
                return;
            }
            for (int k = keyStarts[t]; k < keyStarts[t + 1]; k++) {
                Node next = node.child(keyBuffer[k]);
                if (next != null) {
                    reached(next, t, start);
                }
            }
        }

        void reached(Node node, int last, int start) {
            for (int entry : node.terminals) {
                if (entrySpellings[entry] == null || spelledAsWritten(entrySpellings[entry], start)) {
                    hits.add(entryConcepts[entry], entry, entryWeights[entry], start, last);
                }
            }
            int t = last + 1;
            if (t >= tokens.size() || tokens.sentence(t) != tokens.sentence(start)) {
                return;
            }
            step(node, t, start);
            if (node.shortGap != null) {
                skip(node.shortGap, t, 3, start);
            }
            if (node.longGap != null) {
                skip(node.longGap, t, 8, start);
            }
        }

        /** Whether the original words (lower case) are spelled as the entry demands. */
        boolean spelledAsWritten(String[] spellings, int start) {
            String original = tokens.text().original();
            for (int k = 0; k < spellings.length; k++) {
                if (spellings[k] == null) {
                    continue;
                }
                int t = start + k;
                int from = tokens.originalStart(t);
                int to = tokens.originalEnd(t);
                if (to - from != spellings[k].length()
                        || !original.substring(from, to).toLowerCase(java.util.Locale.ROOT).equals(spellings[k])) {
                    return false;
                }
            }
            return true;
        }

        /** Consumes token {@code t} after a gap, or lets it fall into the gap while budget remains. */
        void skip(Node gap, int t, int budget, int start) {
            step(gap, t, start);
            if (budget > 0 && t + 1 < tokens.size() && tokens.sentence(t + 1) == tokens.sentence(start)) {
                skip(gap, t + 1, budget - 1, start);
            }
        }
    }
}
