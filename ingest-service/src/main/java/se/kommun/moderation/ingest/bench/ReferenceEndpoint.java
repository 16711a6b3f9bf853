package se.kommun.moderation.ingest.bench;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.reactive.messaging.Channel;
import se.kommun.moderation.messaging.ChannelSender;

/**
 * The benchmark's reference (bench/ingest): the same HTTP stack, producer settings and sending path
 * ({@link ChannelSender}) as the webhooks, publishing the raw body as one record with acks=all — no
 * signature, no parsing, no mapping. It is keyed like the comment events (a key that spreads over
 * the partitions), because keying is the contract, not mapping: an unkeyed reference would get the
 * sticky partitioner's larger batches and measure something the pipeline may not do. The key is a
 * counter, not derived from the body: hashing a 14 kB body took an eighth of the reference's CPU,
 * work the reference exists to leave out. Off unless
 * {@code ingest.bench.reference-endpoint=true}; it then answers 404.
 */
@Path("/bench/reference")
@PermitAll
public class ReferenceEndpoint {

    private static final String CHANNEL = "bench.reference";

    @ConfigProperty(name = "ingest.bench.reference-endpoint", defaultValue = "false")
    boolean enabled;

    @Inject
    @Channel(CHANNEL)
    MutinyEmitter<byte[]> channel; // declares the channel; records go through the sender

    @Inject
    KafkaClientService kafka;

    private ChannelSender<byte[]> reference;
    private final AtomicLong requests = new AtomicLong();

    @PostConstruct
    void sender() {
        reference = new ChannelSender<>(kafka, CHANNEL);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Uni<Response> publish(byte[] body) {
        if (!enabled) {
            return Uni.createFrom().item(Response.status(Response.Status.NOT_FOUND).build());
        }
        String key = Long.toHexString(requests.incrementAndGet());
        return reference.sendAll(List.of(reference.record(key, body))).replaceWith(Response.ok().build());
    }
}
