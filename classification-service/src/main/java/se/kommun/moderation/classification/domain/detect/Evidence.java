package se.kommun.moderation.classification.domain.detect;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import se.kommun.moderation.classification.domain.normalize.NormalizedText;
import se.kommun.moderation.classification.domain.normalize.TextNormalizer;
import se.kommun.moderation.classification.domain.rules.ConceptHits;
import se.kommun.moderation.classification.domain.rules.RuleSet;
import se.kommun.moderation.classification.domain.text.TokenKind;
import se.kommun.moderation.classification.domain.text.Tokenizer;
import se.kommun.moderation.classification.domain.text.Tokens;
import se.kommun.moderation.events.Reason;
import se.kommun.moderation.events.Route;

/**
 * One comment, analysed once for all detectors: the original text, its folded form, its tokens
 * and every lexicon hit. Detectors ask it questions ("is there an intent word within six words
 * before this harm word?") and build reasons whose spans point into the original text.
 */
public final class Evidence {

    public static final int NONE = ConceptHits.END;

    private final RuleSet rules;
    private final NormalizedText normalized;
    private final Tokens tokens;
    private final ConceptHits hits;
    private Map<Object, Object> memo;

    private Evidence(RuleSet rules, NormalizedText normalized, Tokens tokens, ConceptHits hits) {
        this.rules = rules;
        this.normalized = normalized;
        this.tokens = tokens;
        this.hits = hits;
    }

    public static Evidence analyse(String text, RuleSet rules) {
        NormalizedText normalized = TextNormalizer.normalize(text == null ? "" : text);
        Tokens tokens = Tokenizer.tokenize(normalized);
        return new Evidence(rules, normalized, tokens, rules.match(tokens));
    }

    public String original() {
        return normalized.original();
    }

    public NormalizedText normalized() {
        return normalized;
    }

    public Tokens tokens() {
        return tokens;
    }

    public ConceptHits hits() {
        return hits;
    }

    public RuleSet rules() {
        return rules;
    }

    /**
     * A result computed once per comment and shared by the detectors that need it (e.g. the scan
     * for personnummer-shaped numbers, used by the confidential and the trivial detectors).
     */
    @SuppressWarnings("unchecked")
    public <T> T memo(Object key, Function<Evidence, T> compute) {
        if (memo == null) {
            memo = new HashMap<>(4);
        }
        Object value = memo.get(key);
        if (value == null) {
            value = compute.apply(this);
            memo.put(key, value);
        }
        return (T) value;
    }

    public Pattern pattern(String name) {
        return rules.pattern(name);
    }

    public int sentenceOf(int hit) {
        return tokens.sentence(hits.fromToken(hit));
    }

    public boolean any(int concept) {
        return hits.any(concept);
    }

    /** The heaviest hit of a concept anywhere, or {@link #NONE}. */
    public int strongest(int concept) {
        int best = NONE;
        for (int h = hits.first(concept); h != NONE; h = hits.next(h)) {
            if (best == NONE || hits.weight(h) > hits.weight(best)) {
                best = h;
            }
        }
        return best;
    }

    /** The heaviest hit of a concept in a sentence, or {@link #NONE}. */
    public int strongestInSentence(int concept, int sentence) {
        int best = NONE;
        for (int h = hits.first(concept); h != NONE; h = hits.next(h)) {
            if (sentenceOf(h) == sentence && (best == NONE || hits.weight(h) > hits.weight(best))) {
                best = h;
            }
        }
        return best;
    }

    /**
     * The heaviest hit of a concept that lies in the same sentence as token {@code anchor} and
     * overlaps the tokens from {@code anchor - before} to {@code anchor + after}; or {@link #NONE}.
     */
    public int near(int concept, int anchor, int before, int after) {
        int sentence = tokens.sentence(anchor);
        int lo = anchor - before;
        int hi = anchor + after;
        int best = NONE;
        for (int h = hits.first(concept); h != NONE; h = hits.next(h)) {
            int from = hits.fromToken(h);
            int to = hits.toToken(h);
            if (to >= lo && from <= hi && tokens.sentence(from) == sentence
                    && (best == NONE || hits.weight(h) > hits.weight(best))) {
                best = h;
            }
        }
        return best;
    }

    /** The heaviest hit of a concept that starts within tokens [from, to] of one sentence. */
    public int within(int concept, int from, int to, int sentence) {
        int best = NONE;
        for (int h = hits.first(concept); h != NONE; h = hits.next(h)) {
            int start = hits.fromToken(h);
            if (start >= from && start <= to && tokens.sentence(start) == sentence
                    && (best == NONE || hits.weight(h) > hits.weight(best))) {
                best = h;
            }
        }
        return best;
    }

    public double weight(int hit) {
        return hit == NONE ? 0.0 : hits.weight(hit);
    }

    /** Number of words (not emoji or mentions) in the comment. */
    public int wordCount() {
        return tokens.wordCount();
    }

    /** Whether the comment has no words and no numbers, only emoji, mentions or punctuation. */
    public boolean hasNoWords() {
        for (int t = 0; t < tokens.size(); t++) {
            TokenKind kind = tokens.kind(t);
            if (kind == TokenKind.WORD || kind == TokenKind.NUMBER || kind == TokenKind.MASKED) {
                return false;
            }
        }
        return true;
    }

    public Reason reason(String detector, Route route, String subtype, int hit, double weight) {
        return reasonForTokens(detector, route, subtype, hits.fromToken(hit), hits.toToken(hit), weight);
    }

    public Reason reasonForTokens(String detector, Route route, String subtype, int fromToken, int toToken,
            double weight) {
        return new Reason(detector, route, subtype, tokens.originalStart(fromToken), tokens.originalEnd(toToken),
                round(weight));
    }

    public Reason reasonForSpan(String detector, Route route, String subtype, int start, int end, double weight) {
        return new Reason(detector, route, subtype, start, end, round(weight));
    }

    private static double round(double weight) {
        return Math.round(Scores.clamp(weight) * 1000.0) / 1000.0;
    }
}
