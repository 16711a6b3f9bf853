package se.kommun.moderation.cases.desk.domain;

/**
 * A request the desk's rules do not allow in the current state (answering a confidential comment in
 * public, confirming a removal twice, …). The REST layer answers 409 with the message; the message
 * never quotes comment text.
 */
public class DeskRuleException extends RuntimeException {

    private final boolean notFound;

    private DeskRuleException(String message, boolean notFound) {
        super(message);
        this.notFound = notFound;
    }

    public static DeskRuleException conflict(String message) {
        return new DeskRuleException(message, false);
    }

    public static DeskRuleException notFound(String message) {
        return new DeskRuleException(message, true);
    }

    public boolean isNotFound() {
        return notFound;
    }
}
