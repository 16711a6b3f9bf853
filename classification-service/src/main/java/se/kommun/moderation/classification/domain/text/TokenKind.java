package se.kommun.moderation.classification.domain.text;

/** What a token of a folded comment is. */
public enum TokenKind {
    /** Letters (possibly with digits folded from leetspeak). */
    WORD,
    /** Digits only. */
    NUMBER,
    /** A word with '*' standing for hidden letters ("n***ar", "b*gar"). */
    MASKED,
    /** "@name": addresses someone, says nothing about content. */
    MENTION,
    /** One emoji or other pictographic symbol. */
    EMOJI
}
