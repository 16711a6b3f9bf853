package se.kommun.moderation.ingest.meta.rest;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.ingest.commands.config.CommandsConfig;
import se.kommun.moderation.ingest.commands.domain.AccessResolver;
import se.kommun.moderation.ingest.commands.domain.InstagramAdapter;
import se.kommun.moderation.ingest.delivery.domain.MappedDelivery;
import se.kommun.moderation.ingest.delivery.rest.SignedWebhook;
import se.kommun.moderation.ingest.meta.client.GraphMediaPermalinks;
import se.kommun.moderation.ingest.meta.config.MetaConfig;
import se.kommun.moderation.ingest.meta.domain.InstagramPermalinks;

/**
 * Sets the permalink of the Instagram comments of a verified delivery before they are published,
 * with the token the account acts with for commands ({@link AccessResolver}) and the commands'
 * Graph API base URL. Never fails and never holds the delivery longer than the timeout: a comment
 * whose permalink did not come in time goes out without one, as before.
 */
@ApplicationScoped
public class InstagramPermalinkStep implements SignedWebhook.Completion {

    static final String METRIC = "ingest.instagram.permalinks";

    @Inject
    MetaConfig config;

    @Inject
    CommandsConfig commands;

    @Inject
    AccessResolver access;

    @Inject
    MeterRegistry meters;

    private InstagramPermalinks permalinks;
    private Duration timeout;

    @PostConstruct
    void start() {
        timeout = config.instagram().permalinkTimeout();
        String graph = commands.instagram().baseUrl().orElse(InstagramAdapter.DEFAULT_BASE_URL);
        permalinks = new InstagramPermalinks(new GraphMediaPermalinks(graph, timeout),
                account -> access.resolve(Platform.INSTAGRAM, account).token(), config.instagram().permalinkCacheSize());
    }

    /** Only deliveries with Instagram comments that lack a permalink: Facebook's carry theirs. */
    @Override
    public boolean isNeededFor(MappedDelivery delivery) {
        return !InstagramPermalinks.lacking(delivery).isEmpty();
    }

    @Override
    public Uni<MappedDelivery> complete(MappedDelivery delivery) {
        List<CommentReceived> lacking = InstagramPermalinks.lacking(delivery);
        if (lacking.isEmpty()) {
            return Uni.createFrom().item(delivery);
        }
        Map<String, CommentReceived> byMedia = new LinkedHashMap<>();
        lacking.forEach(comment -> byMedia.putIfAbsent(comment.postId(), comment));
        List<Uni<Map.Entry<String, Optional<String>>>> lookups = byMedia.entrySet().stream()
                .map(media -> Uni.createFrom().completionStage(() -> permalinks.permalinkOf(media.getValue()))
                        .ifNoItem().after(timeout).recoverWithItem(Optional.empty())
                        .onFailure().recoverWithItem(Optional.empty())
                        .map(permalink -> Map.entry(media.getKey(), permalink)))
                .toList();
        Uni<MappedDelivery> completed = Uni.join().all(lookups).andCollectFailures().map(found -> {
            Map<String, String> permalinkByMedia = new HashMap<>();
            found.forEach(entry -> entry.getValue().ifPresent(link -> permalinkByMedia.put(entry.getKey(), link)));
            meters.counter(METRIC, "outcome", "found").increment(permalinkByMedia.size());
            meters.counter(METRIC, "outcome", "none").increment(found.size() - permalinkByMedia.size());
            return InstagramPermalinks.withPermalinks(delivery, permalinkByMedia);
        }).onFailure().recoverWithItem(delivery);
        // The answers complete on the HTTP client's or the timer's thread: the delivery goes on where it came in.
        Context context = Vertx.currentContext();
        return context == null ? completed : completed.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
