package se.kommun.moderation.classification.domain.rules;

/** A rule file that cannot be read: names the file and line, never quotes comment text. */
public final class RuleFileException extends RuntimeException {

    public RuleFileException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
    }

    public RuleFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
