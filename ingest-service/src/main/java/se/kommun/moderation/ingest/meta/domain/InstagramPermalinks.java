package se.kommun.moderation.ingest.meta.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.ingest.delivery.domain.MappedDelivery;

/**
 * The public URL of the Instagram post an Instagram comment is on. The comment webhook names the
 * media by id only (domain.md §5.1), and Instagram has no per-comment URL, so the media's permalink
 * (asked of the Graph API) is the comment's: the archive screenshots it. Permalinks do not change,
 * so each media is asked for once while it stays in a bounded cache; comments on one media that
 * arrive together share one request. A failed or empty answer is not kept: the next comment asks
 * again. Without a token for the account nothing is asked.
 */
public final class InstagramPermalinks {

    /** Asks the platform for one media's permalink; empty when it has none for us. */
    @FunctionalInterface
    public interface Lookup {
        CompletionStage<Optional<String>> permalink(String mediaId, String token);
    }

    private final Lookup lookup;
    private final Function<String, Optional<String>> tokenOfAccount;
    private final Map<String, CompletableFuture<Optional<String>>> cache;

    public InstagramPermalinks(Lookup lookup, Function<String, Optional<String>> tokenOfAccount, int capacity) {
        this.lookup = lookup;
        this.tokenOfAccount = tokenOfAccount;
        this.cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Optional<String>>> eldest) {
                return size() > capacity;
            }
        });
    }

    /** The delivery's Instagram comments that name a media but have no permalink yet. */
    public static List<CommentReceived> lacking(MappedDelivery delivery) {
        if (delivery.platform() != Platform.INSTAGRAM) {
            return List.of();
        }
        List<CommentReceived> lacking = new ArrayList<>();
        for (CommentReceived comment : delivery.comments()) {
            if (comment.permalink() == null && comment.postId() != null) {
                lacking.add(comment);
            }
        }
        return lacking;
    }

    /** The permalink of the media the comment is on; never fails (a failure is an empty answer). */
    public CompletionStage<Optional<String>> permalinkOf(CommentReceived comment) {
        String mediaId = comment.postId();
        Optional<String> token = tokenOfAccount.apply(comment.accountId());
        if (mediaId == null || token.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        CompletableFuture<Optional<String>> created = new CompletableFuture<>();
        CompletableFuture<Optional<String>> existing = cache.putIfAbsent(mediaId, created);
        if (existing != null) {
            return existing;
        }
        CompletionStage<Optional<String>> asked;
        try {
            asked = lookup.permalink(mediaId, token.get());
        } catch (RuntimeException e) {
            asked = CompletableFuture.failedFuture(e);
        }
        asked.whenComplete((permalink, failure) -> {
            Optional<String> answer = failure == null && permalink != null ? permalink : Optional.empty();
            if (answer.isEmpty()) {
                cache.remove(mediaId, created);
            }
            created.complete(answer);
        });
        return created;
    }

    /** The delivery with each comment's permalink set from {@code byMediaId} where one was found. */
    public static MappedDelivery withPermalinks(MappedDelivery delivery, Map<String, String> byMediaId) {
        if (byMediaId.isEmpty()) {
            return delivery;
        }
        List<CommentReceived> comments = new ArrayList<>(delivery.comments().size());
        for (CommentReceived c : delivery.comments()) {
            String permalink = c.permalink() == null && c.postId() != null ? byMediaId.get(c.postId()) : null;
            comments.add(permalink == null ? c : new CommentReceived(c.platform(), c.accountId(), c.commentId(),
                    c.postId(), c.parentId(), c.author(), c.text(), c.mediaRefs(), permalink, c.createdAt(),
                    c.receivedAt(), c.verb(), c.idempotencyKey(), c.raw()));
        }
        return new MappedDelivery(delivery.platform(), comments, delivery.skipped(), delivery.unmappable());
    }
}
