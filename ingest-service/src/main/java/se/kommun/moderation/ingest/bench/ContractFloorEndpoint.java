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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.reactive.messaging.Channel;
import se.kommun.moderation.ingest.meta.config.MetaConfig;
import se.kommun.moderation.ingest.meta.domain.MetaPayloadMapper;
import se.kommun.moderation.messaging.ChannelSender;

/**
 * The benchmark's second reference (bench/ingest), the contract's floor: the same HTTP stack and
 * sending path as {@link ReferenceEndpoint}, but for each request it publishes the {@code events}
 * CommentReceived events the contract requires for a delivery of that many comments, acks=all, each
 * under its own comment key — events mapped and encoded ahead of time ({@link ContractFloorPool}),
 * so no signature check, parsing, mapping or encoding happens per request. The body is read and
 * ignored. Between this and {@link ReferenceEndpoint} lies what the event contract costs; between
 * this and the webhook lies what the edge's own code costs. Off unless
 * {@code ingest.bench.reference-endpoint=true}; it then answers 404.
 */
@Path("/bench/contract-floor")
@PermitAll
public class ContractFloorEndpoint {

    private static final String CHANNEL = "bench.reference";
    /** Distinct deliveries per size: enough that snappy sees no more repetition than real traffic has. */
    private static final int POOL_DELIVERIES = 64;
    private static final int MAX_EVENTS = 1000;

    @ConfigProperty(name = "ingest.bench.reference-endpoint", defaultValue = "false")
    boolean enabled;

    @Inject
    @Channel(CHANNEL)
    MutinyEmitter<byte[]> channel; // declares the channel; records go through the sender

    @Inject
    KafkaClientService kafka;

    @Inject
    MetaConfig meta;

    private ChannelSender<byte[]> sender;
    private final Map<Integer, List<ContractFloorPool.Delivery>> pools = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    @PostConstruct
    void sender() {
        sender = new ChannelSender<>(kafka, CHANNEL);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Uni<Response> publish(@QueryParam("events") int events, byte[] body) {
        if (!enabled) {
            return Uni.createFrom().item(Response.status(Response.Status.NOT_FOUND).build());
        }
        if (events < 1 || events > MAX_EVENTS) {
            return Uni.createFrom().item(Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN_TYPE)
                    .entity("events must be between 1 and " + MAX_EVENTS).build());
        }
        // Built on the first request of each size: a one-off cost the benchmark's warm-up absorbs.
        List<ContractFloorPool.Delivery> pool = pools.computeIfAbsent(events, n -> ContractFloorPool
                .build(new MetaPayloadMapper(meta.permalinkBase()), "bench-page", n, POOL_DELIVERIES));
        ContractFloorPool.Delivery delivery = pool.get((int) (requests.getAndIncrement() % pool.size()));
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            records.add(sender.record(delivery.keys().get(i), delivery.values().get(i)));
        }
        return sender.sendAll(records).replaceWith(Response.ok().build());
    }
}
