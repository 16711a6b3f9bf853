package se.kommun.moderation.cases.diarium.domain;

import se.kommun.moderation.events.ClassifiedComment;
import se.kommun.moderation.events.Route;

/**
 * What OSL 5:2 requires a register entry to hold, derived from a classified comment: date received,
 * diary number (given at registration), sender and a brief description. A secret entry keeps both,
 * but they are withheld from the public view.
 */
public record RegisterEntry(String sender, String description, boolean secret) {

    static final int DESCRIPTION_LENGTH = 140;

    public static RegisterEntry of(Route route, String subtype, ClassifiedComment comment) {
        String sender = comment.author() == null ? null
                : comment.author().displayName() != null ? comment.author().displayName() : comment.author().id();
        String text = comment.text() == null ? "" : comment.text().strip().replaceAll("\\s+", " ");
        String brief = text.length() <= DESCRIPTION_LENGTH ? text
                : text.substring(0, text.offsetByCodePoints(0, text.codePointCount(0, DESCRIPTION_LENGTH - 1))) + "…";
        String description = "Kommentar (" + comment.platform().id() + "), " + label(route)
                + (subtype == null ? "" : " / " + subtype) + ": " + brief;
        return new RegisterEntry(sender, description, route == Route.CONFIDENTIAL);
    }

    private static String label(Route route) {
        return switch (route) {
            case CRIMINAL -> "misstänkt brottsligt innehåll";
            case CONFIDENTIAL -> "sekretessuppgifter";
            case COMPLAINT -> "klagomål/ärende";
            case TRIVIAL -> "av tillfällig betydelse";
        };
    }
}
