package se.kommun.moderation.cases.crisis.domain;

import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import se.kommun.moderation.cases.desk.persistence.DeskCommentEntity;

/**
 * What crisis management reads: how many comments per route, the questions asked most often, and
 * the latest comments. Confidential text never appears in it (it is withheld, as in public).
 */
public record CrisisDigest(UUID crisisId, String name, List<String> accounts, Instant startsAt, Instant endsAt,
        int total, Map<String, Long> perRoute, List<Question> frequentQuestions, List<Item> latest) {

    public static final String WITHHELD = "[sekretess: visas inte]";
    public static final String CULLED = "[gallrad]";

    public record Question(String text, long count, Instant latestAt) {
    }

    public record Item(Instant receivedAt, String platform, String accountId, String route, String subtype,
            boolean needsResponse, String text, String permalink) {

        static Item of(DeskCommentEntity c) {
            return new Item(c.receivedAt, c.platform, c.accountId, c.route, c.subtype, c.needsResponse,
                    visibleText(c), c.permalink);
        }
    }

    static String visibleText(DeskCommentEntity c) {
        if (c.culledAt != null || c.text == null) {
            return CULLED;
        }
        return "CONFIDENTIAL".equals(c.route) ? WITHHELD : c.text;
    }

    static boolean isPublicQuestion(DeskCommentEntity c) {
        return c.needsResponse && c.text != null && c.culledAt == null && c.text.contains("?")
                && ("TRIVIAL".equals(c.route) || "COMPLAINT".equals(c.route));
    }

    /** Questions that differ only in case, punctuation, accents' width or spacing count as one. */
    static String questionKey(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
