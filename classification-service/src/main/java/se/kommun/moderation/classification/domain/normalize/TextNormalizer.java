package se.kommun.moderation.classification.domain.normalize;

/**
 * Brings a comment to the one form every lexicon is matched in, keeping offsets into the original.
 * Stateless and thread-safe. Number detectors (personnummer, diary numbers) read the original text,
 * since leetspeak folding may turn a digit inside a word into a letter.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    /**
     * Two working buffers per thread, used in turn by the steps (a step reads one and writes the
     * other, or hands its input on unchanged): the steps allocate nothing, only the result is copied
     * out. Nothing here escapes a call, so reuse is safe.
     */
    private static final ThreadLocal<MappedText[]> BUFFERS =
            ThreadLocal.withInitial(() -> new MappedText[] {new MappedText(256), new MappedText(256)});

    public static NormalizedText normalize(String original) {
        MappedText[] buffers = BUFFERS.get();
        MappedText text = UnicodeFolding.apply(original, buffers[0]);
        text = LeetspeakFolding.apply(text, other(buffers, text));
        text = SpacedLetterCollapsing.apply(text, other(buffers, text));
        text = SwedishLetterFolding.apply(text, other(buffers, text)); // also collapses repeated letters
        NormalizedText normalized = text.toNormalized(original);
        if (original.length() > KEEP_BUFFERS_UP_TO) {
            BUFFERS.remove(); // one huge comment must not pin its buffers to the thread
        }
        return normalized;
    }

    private static final int KEEP_BUFFERS_UP_TO = 1 << 15;

    private static MappedText other(MappedText[] buffers, MappedText inUse) {
        return buffers[0] == inUse ? buffers[1] : buffers[0];
    }

    /** The folded form of a lexicon word, for building lookup keys the same way texts are folded. */
    public static String fold(String word) {
        return normalize(word).text();
    }
}
