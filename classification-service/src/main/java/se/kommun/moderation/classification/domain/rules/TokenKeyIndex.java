package se.kommun.moderation.classification.domain.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps every distinct lexicon pattern token ("döda*", "*pack", "kniv") to a key id, and finds, for
 * one word of a comment, all keys it satisfies in a single walk: exact and prefix keys along a
 * forward trie, suffix keys along a backward trie, and the few infix keys by search.
 */
final class TokenKeyIndex {

    private final CharTrie forward = new CharTrie();   // A = exact key, B = prefix key
    private final CharTrie backward = new CharTrie();  // A = suffix key
    private final List<String> infixTexts = new ArrayList<>();
    private final List<Integer> infixKeys = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private int numberKey = CharTrie.NONE;

    int register(PatternToken token) {
        Integer known = ids.get(token.key());
        if (known != null) {
            return known;
        }
        int id = ids.size();
        ids.put(token.key(), id);
        switch (token.kind()) {
            case EXACT -> forward.setValueA(forward.insert(token.text(), false), id);
            case PREFIX -> forward.setValueB(forward.insert(token.text(), false), id);
            case SUFFIX -> backward.setValueA(backward.insert(token.text(), true), id);
            case NUMBER -> numberKey = id;
            case INFIX -> {
                infixTexts.add(token.text());
                infixKeys.add(id);
            }
            default -> throw new IllegalArgumentException("a gap has no key");
        }
        return id;
    }

    /**
     * Writes into {@code out} from {@code at} the keys that the word {@code text[from, to)}
     * satisfies; returns the new write position. {@code out} must have room (see {@link #maxKeysPerWord}).
     */
    int collect(char[] text, int from, int to, int[] out, int at) {
        int node = 0;
        boolean whole = true;
        for (int i = from; i < to; i++) {
            node = forward.child(node, text[i]);
            if (node == CharTrie.NONE) {
                whole = false;
                break;
            }
            int prefixKey = forward.valueB(node);
            if (prefixKey != CharTrie.NONE) {
                out[at++] = prefixKey;
            }
        }
        if (whole && node != 0 && forward.valueA(node) != CharTrie.NONE) {
            out[at++] = forward.valueA(node);
        }
        node = 0;
        for (int i = to - 1; i > from; i--) { // a suffix key needs at least one char before it
            node = backward.child(node, text[i]);
            if (node == CharTrie.NONE) {
                break;
            }
            int suffixKey = backward.valueA(node);
            if (suffixKey != CharTrie.NONE) {
                out[at++] = suffixKey;
            }
        }
        for (int k = 0; k < infixTexts.size(); k++) {
            if (contains(text, from, to, infixTexts.get(k))) {
                out[at++] = infixKeys.get(k);
            }
        }
        return at;
    }

    /** Prepares the tries for matching; no key may be registered afterwards. */
    void freeze() {
        forward.freeze();
        backward.freeze();
    }

    /** The key every number token satisfies ("#" in a lexicon), or -1 when no phrase uses it. */
    int numberKey() {
        return numberKey;
    }

    /** An upper bound for the keys one word of this length can satisfy. */
    int maxKeysPerWord(int wordLength) {
        return 2 * wordLength + 2 + infixTexts.size();
    }

    private static boolean contains(char[] text, int from, int to, String needle) {
        int last = to - needle.length();
        outer:
        for (int i = from; i <= last; i++) {
            for (int k = 0; k < needle.length(); k++) {
                if (text[i + k] != needle.charAt(k)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
