package se.kommun.moderation.ingest.bench;

import io.quarkus.arc.properties.IfBuildProperty;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.reactive.messaging.Channel;
import se.kommun.moderation.ingest.meta.config.MetaConfig;
import se.kommun.moderation.ingest.meta.domain.MetaPayloadMapper;
import se.kommun.moderation.messaging.ChannelSender;

/**
 * The benchmark's references (bench/ingest), both on the same HTTP stack, producer settings and
 * sending path ({@link ChannelSender}, acks=all) as the webhooks. They take no credentials, so they
 * exist only in a jar built with {@code -Dingest.bench.endpoints=true} (bench/ingest/run.sh builds one
 * of its own); no runtime setting can switch them on in a production build.
 *
 * <ul>
 * <li>{@code /bench/reference} publishes the raw body as one record: no signature, no parsing, no
 * mapping. It is keyed like the comment events (a key that spreads over the partitions), because
 * keying is the contract, not mapping: an unkeyed reference would get the sticky partitioner's larger
 * batches and measure something the pipeline may not do. The key is a counter, not derived from the
 * body: hashing a 14 kB body took an eighth of the reference's CPU, work the reference exists to
 * leave out.
 * <li>{@code /bench/contract-floor?events=n} is the contract's floor: it publishes the n
 * CommentReceived events the contract requires for a delivery of n comments, each under its own
 * comment key, mapped and encoded ahead of time ({@link ContractFloorPool}), so no signature check,
 * parsing, mapping or encoding happens per request; the body is read and ignored. Between the two
 * references lies what the event contract costs; between the floor and the webhook, what the edge's
 * own code costs.
 * </ul>
 */
@Path("/bench")
@PermitAll
@IfBuildProperty(name = "ingest.bench.endpoints", stringValue = "true")
public class ReferenceEndpoints {

    private static final String CHANNEL = "bench.reference";
    /** Distinct deliveries per size: enough that snappy sees no more repetition than real traffic has. */
    private static final int POOL_DELIVERIES = 64;
    private static final int MAX_EVENTS = 1000;

    @Inject
    @Channel(CHANNEL)
    MutinyEmitter<byte[]> channel; // declares the channel; records go through the sender

    @Inject
    KafkaClientService kafka;

    @Inject
    MetaConfig meta;

    private ChannelSender<byte[]> sender;
    private final AtomicLong requests = new AtomicLong();
    private final Map<Integer, List<ContractFloorPool.Delivery>> pools = new ConcurrentHashMap<>();

    @PostConstruct
    void sender() {
        sender = new ChannelSender<>(kafka, CHANNEL);
    }

    @POST
    @Path("reference")
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Uni<Response> publish(byte[] body) {
        String key = Long.toHexString(requests.incrementAndGet());
        return sender.sendAll(List.of(sender.record(key, body))).replaceWith(Response.ok().build());
    }

    @POST
    @Path("contract-floor")
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Uni<Response> publishTheContractsEvents(@QueryParam("events") int events, byte[] body) {
        if (events < 1 || events > MAX_EVENTS) {
            return Uni.createFrom().item(Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN_TYPE)
                    .entity("events must be between 1 and " + MAX_EVENTS).build());
        }
        // Built on the first request of each size, which the benchmark makes before it measures.
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
