package se.kommun.moderation.cases.quality.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import se.kommun.moderation.cases.quality.persistence.ModeratorLabelEntity;
import se.kommun.moderation.events.DecisionKind;

/**
 * A moderator's label as a line of the classifier's corpus (classification-service/corpus/LABELS.md):
 * the same fields as every training file, so the training command reads it as one more writer. It
 * carries no one's name: not the moderator's, not the author's (the text is the comment as written).
 */
@JsonPropertyOrder({"id", "platform", "text", "route", "subtype", "needs_response", "note"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CorpusLine(String id, String platform, String text, String route, String subtype,
        @JsonProperty("needs_response") boolean needsResponse, String note) {

    static final String ID_PREFIX = "mod-";

    public static CorpusLine of(ModeratorLabelEntity label, ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(label.decidedAt, zone);
        String decided = label.decision == DecisionKind.CONFIRMED
                ? "confirmed the classifier's route"
                : "overrode the classifier's " + lower(label.classifierRoute.name())
                        + (label.classifierSubtype == null ? "" : "/" + label.classifierSubtype);
        return new CorpusLine(ID_PREFIX + label.commentKey, corpusPlatform(label.platform), label.text,
                lower(label.route.name()), label.subtype, label.needsResponse,
                "A moderator's decision of " + day + ": " + decided + ".");
    }

    /** The corpus calls a web comment field {@code website}; every other platform keeps its id. */
    static String corpusPlatform(String platform) {
        return "web".equals(platform) ? "website" : platform;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
