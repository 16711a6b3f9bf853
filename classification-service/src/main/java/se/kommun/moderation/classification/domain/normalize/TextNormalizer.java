package se.kommun.moderation.classification.domain.normalize;

/**
 * Brings a comment to the one form every lexicon is matched in, keeping offsets into the original.
 * Stateless and thread-safe. Number detectors (personnummer, diary numbers) read the original text,
 * since leetspeak folding may turn a digit inside a word into a letter.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    public static NormalizedText normalize(String original) {
        MappedText text = UnicodeFolding.apply(original);
        text = LeetspeakFolding.apply(text);
        text = SpacedLetterCollapsing.apply(text);
        text = SwedishLetterFolding.apply(text); // also collapses repeated letters, in the same pass
        return text.toNormalized(original);
    }

    /** The folded form of a lexicon word, for building lookup keys the same way texts are folded. */
    public static String fold(String word) {
        return normalize(word).text();
    }
}
