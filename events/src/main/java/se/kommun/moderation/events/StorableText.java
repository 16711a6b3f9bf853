package se.kommun.moderation.events;

/**
 * Text as a PostgreSQL text column can hold it. PostgreSQL refuses U+0000 in text, and a UTF-8
 * database cannot hold a lone surrogate either (the driver would write '?'); both come from what
 * users wrote, so they are kept as U+FFFD rather than losing the whole comment. The raw bytes that
 * arrived are stored beside the text and keep the proof of what was sent.
 */
public final class StorableText {

    public static final char REPLACEMENT = '\uFFFD';

    private StorableText() {
    }

    /** The text with every U+0000 and every unpaired surrogate replaced; the same instance when there is none. */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (c == 0 || Character.isSurrogate(c)) {
                return replaceFrom(text, i);
            }
        }
        return text;
    }

    private static String replaceFrom(String text, int first) {
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (c == 0 || Character.isSurrogate(c)) {
                out.append(REPLACEMENT);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
