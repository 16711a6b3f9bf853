package se.kommun.moderation.cases.diarium.domain;

import java.util.List;
import se.kommun.moderation.events.ClassifiedComment;
import se.kommun.moderation.events.Route;

/**
 * What OSL 5:2 requires a register entry to hold, derived from a classified comment: date received,
 * diary number (given at registration), sender and a brief description. This is the registrar's
 * entry; the public diary shows {@link PublicDiaryEntry} instead. An entry is secret when the comment
 * was routed CONFIDENTIAL or flagged so on another route (a threat that names a personnummer).
 */
public record RegisterEntry(String sender, String description, boolean secret) {

    static final int DESCRIPTION_LENGTH = 140;

    public static RegisterEntry of(Route route, String subtype, List<Route> flags, ClassifiedComment comment) {
        RegisterEntry entry = of(route, subtype, comment);
        return flags.contains(Route.CONFIDENTIAL) ? new RegisterEntry(entry.sender, entry.description, true) : entry;
    }

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
