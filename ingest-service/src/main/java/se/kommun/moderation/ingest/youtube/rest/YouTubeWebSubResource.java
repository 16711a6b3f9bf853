package se.kommun.moderation.ingest.youtube.rest;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import se.kommun.moderation.ingest.signature.HandshakeTokens;
import se.kommun.moderation.ingest.youtube.config.YouTubeConfig;
import se.kommun.moderation.ingest.youtube.domain.MalformedResponseException;
import se.kommun.moderation.ingest.youtube.domain.WebSubFeedParser;
import se.kommun.moderation.ingest.youtube.domain.WebSubSignature;
import se.kommun.moderation.ingest.youtube.domain.WebSubTopics;
import se.kommun.moderation.ingest.youtube.polling.YouTubePoller;
import se.kommun.moderation.ingest.youtube.subscription.YouTubeWebSubSubscriptions;

/**
 * WebSub (PubSubHubbub) callback for the channels' video feeds. YouTube pushes video events only, never
 * comments (domain.md §5.2), so a notification is just a reason to poll that channel's comments early.
 * Authenticated by the hub signature, not by a role. Per the spec a notification with a bad or missing
 * signature is still answered 2xx, and ignored (and counted).
 */
@Path("/webhooks/youtube/websub")
@PermitAll
public class YouTubeWebSubResource {

    static final String SIGNATURE_HEADER = "X-Hub-Signature";
    static final String METRIC = "ingest.youtube.websub.notifications";

    private static final Logger LOG = Logger.getLogger(YouTubeWebSubResource.class);

    private final WebSubFeedParser parser = new WebSubFeedParser();

    @Inject
    YouTubeConfig config;

    @Inject
    YouTubePoller poller;

    @Inject
    YouTubeWebSubSubscriptions subscriptions;

    @Inject
    MeterRegistry meters;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "WebSub intent verification",
            description = "Echoes hub.challenge for a subscription to the video feed of one of our channels, and"
                    + " for an unsubscription from one that is no longer ours; 404 otherwise.")
    public Response verify(@QueryParam("hub.mode") String mode, @QueryParam("hub.topic") String topic,
            @QueryParam("hub.challenge") String challenge, @QueryParam("hub.lease_seconds") String leaseSeconds) {
        Optional<String> feedChannel = WebSubTopics.channelOf(topic);
        boolean ours = feedChannel.filter(poller.channels()::contains).isPresent();
        // Unsubscribing is what we ask for once a channel was closed, and what we refuse for an open one
        // (whoever asked the hub for it, it is not us).
        boolean intended = "unsubscribe".equals(mode) ? feedChannel.isPresent() && !ours : ours;
        if (!intended) {
            // Not a subscription we would have asked for: refusing it is how WebSub says no.
            return Response.status(Status.NOT_FOUND).entity("unknown topic").build();
        }
        String channel = feedChannel.get();
        if ("denied".equals(mode)) {
            LOG.warnf("the WebSub hub denied the subscription to channel %s", channel);
            subscriptions.denied(channel);
            return Response.ok().build();
        }
        if (!("subscribe".equals(mode) || "unsubscribe".equals(mode)) || challenge == null || challenge.isEmpty()) {
            return Response.status(Status.BAD_REQUEST).entity("hub.mode and hub.challenge are required").build();
        }
        if (!HandshakeTokens.isToken(challenge)) {
            return Response.status(Status.BAD_REQUEST).entity("hub.challenge is not a challenge token").build();
        }
        Optional<Duration> lease = seconds(leaseSeconds);
        LOG.infof("WebSub %s for channel %s verified (lease %s s)", mode, channel,
                lease.map(granted -> Long.toString(granted.toSeconds())).orElse("?"));
        if ("subscribe".equals(mode)) {
            subscriptions.verified(channel, lease);
        }
        return Response.ok(challenge, MediaType.TEXT_PLAIN_TYPE).build();
    }

    private static Optional<Duration> seconds(String leaseSeconds) {
        if (leaseSeconds == null || !leaseSeconds.trim().matches("\\d{1,10}")) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Long.parseLong(leaseSeconds.trim())));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "WebSub notification of a channel's video feed",
            description = "Signed with X-Hub-Signature: sha1=<hex HMAC-SHA1(raw body, hub secret)>. A valid one"
                    + " triggers an early comment poll of the channel; an invalid one is answered 202 and dropped.")
    public Response notify(@HeaderParam(SIGNATURE_HEADER) String signature, byte[] body) {
        if (body.length > config.websubMaxBodyBytes()) {
            return count("too-large", Response.status(Status.REQUEST_ENTITY_TOO_LARGE).build());
        }
        Optional<String> secret = config.websubSecret();
        if (secret.isEmpty()) {
            // We never gave the hub a secret, so nothing can be authenticated: scheduled polls only.
            return count("no-secret", accepted());
        }
        WebSubSignature.Verdict verdict = WebSubSignature.check(signature, secret.get(), body);
        if (verdict != WebSubSignature.Verdict.VALID) {
            return count(verdict == WebSubSignature.Verdict.MISSING ? "missing-signature" : "bad-signature",
                    accepted());
        }
        Set<String> channels;
        try {
            channels = parser.channelIds(body);
        } catch (MalformedResponseException e) {
            return count("unreadable", accepted());
        }
        boolean ours = false;
        for (String channel : channels) {
            ours |= poller.requestPoll(channel);
        }
        return count(ours ? "poll-requested" : "unknown-channel", accepted());
    }

    private Response count(String outcome, Response response) {
        meters.counter(METRIC, "outcome", outcome).increment();
        return response;
    }

    private static Response accepted() {
        return Response.accepted().build();
    }
}
