package se.kommun.moderation.classification.domain.rules;

/**
 * One token of a lexicon phrase, in folded form. Written in a lexicon file as:
 * {@code word} (exactly this word), {@code word*} (a word beginning so: inflections, compounds),
 * {@code *word} (a longer word ending so: "zigenarpack" for {@code *pack}), {@code *word*} (a word
 * containing it), {@code =word} (this word spelled exactly so, å/ä/ö included: "=här" is not
 * "har"), {@code #} (any number), {@code ..} (up to three words of any kind) or {@code ...} (up to
 * eight).
 */
public record PatternToken(Kind kind, String text, int maxGap, String strict) {

    public enum Kind { EXACT, PREFIX, SUFFIX, INFIX, NUMBER, GAP }

    public static PatternToken gap(int maxGap) {
        return new PatternToken(Kind.GAP, "", maxGap, null);
    }

    /** A token matched by its folded form only. */
    public static PatternToken of(Kind kind, String text) {
        return new PatternToken(kind, text, 0, null);
    }

    /** The key by which identical pattern tokens are shared. */
    String key() {
        return kind + ":" + text;
    }
}
