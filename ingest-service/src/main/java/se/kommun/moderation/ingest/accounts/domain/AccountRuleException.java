package se.kommun.moderation.ingest.accounts.domain;

import java.util.List;

/** A change the guideline does not allow (yet); {@code problems} says what is missing. */
public class AccountRuleException extends RuntimeException {

    private final List<String> problems;

    public AccountRuleException(String message, List<String> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
