package se.kommun.moderation.ingest.accounts.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * When an account may be opened: every item of the start checklist ticked, and at least two
 * responsible persons, so that someone covers holidays and absence (the guideline's demand).
 */
public final class ActivationRules {

    public static final int MIN_RESPONSIBLE = 2;

    private ActivationRules() {
    }

    public static List<String> problems(AccountStatus status, Collection<ChecklistItem> ticked,
            Collection<String> responsible) {
        List<String> problems = new ArrayList<>();
        if (status != AccountStatus.DRAFT) {
            problems.add("the account is " + status + ", only a DRAFT can be activated");
        }
        Set<ChecklistItem> missing = EnumSet.allOf(ChecklistItem.class);
        missing.removeAll(ticked);
        missing.forEach(item -> problems.add("checklist item not done: " + item + " (" + item.label() + ")"));
        long named = responsible.stream().filter(name -> name != null && !name.isBlank()).distinct().count();
        if (named < MIN_RESPONSIBLE) {
            problems.add("at least " + MIN_RESPONSIBLE + " responsible persons are needed, " + named + " named");
        }
        return problems;
    }
}
