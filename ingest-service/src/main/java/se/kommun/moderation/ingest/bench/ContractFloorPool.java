package se.kommun.moderation.ingest.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.ingest.delivery.domain.MappedDelivery;
import se.kommun.moderation.ingest.delivery.domain.RawBody;
import se.kommun.moderation.ingest.delivery.domain.ReceivedEvents;
import se.kommun.moderation.ingest.meta.domain.MetaPayloadMapper;

/**
 * The events the contract requires for signed Facebook deliveries of the benchmark's shape
 * (bench/ingest/make_bodies.py), mapped and encoded once, ahead of time, by the edge's own mapper
 * and codec. {@link ReferenceEndpoints} publishes them, so that what it measures is the cost of
 * the contract alone (N acknowledged events of the real size per request) without any of the
 * edge's own work per request.
 */
public final class ContractFloorPool {

    /** One delivery's events, ready to send: the record keys and the encoded values, in order. */
    public record Delivery(List<String> keys, List<byte[]> values) {
    }

    private ContractFloorPool() {
    }

    /** {@code deliveries} distinct deliveries of {@code changes} comment changes each. */
    public static List<Delivery> build(MetaPayloadMapper mapper, String pageId, int changes, int deliveries) {
        EventCodec codec = EventCodec.instance();
        List<Delivery> pool = new ArrayList<>(deliveries);
        for (int d = 0; d < deliveries; d++) {
            byte[] body = body(pageId, changes, UUID.randomUUID().toString().replace("-", "").substring(0, 12));
            MappedDelivery mapped = mapper.map(RawBody.of(body, "application/json"), Instant.now());
            if (mapped.comments().size() != changes) {
                throw new IllegalStateException("the mapper made " + mapped.comments().size() + " comments of "
                        + changes + " changes: " + mapped.unmappable());
            }
            List<EventEnvelope<CommentReceived>> events = mapped.comments().stream()
                    .map(ReceivedEvents::envelope).toList();
            List<String> keys = events.stream().map(EventEnvelope::commentKey).toList();
            pool.add(new Delivery(keys, codec.encodeAllToBytes(events)));
        }
        return List.copyOf(pool);
    }

    /** As make_bodies.py writes them: Meta signs the escaped-unicode form, so the text is escaped. */
    static byte[] body(String pageId, int changes, String run) {
        StringBuilder json = new StringBuilder(320 * changes + 100)
                .append("{\"object\":\"page\",\"entry\":[{\"id\":\"").append(pageId)
                .append("\",\"time\":1764400000,\"changes\":[");
        for (int i = 0; i < changes; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"field\":\"feed\",\"value\":{\"item\":\"comment\",\"verb\":\"add\",\"comment_id\":\"")
                    .append(run).append('_').append(i).append("\",\"post_id\":\"").append(pageId).append('_')
                    .append(run).append("\",\"parent_id\":\"").append(pageId).append('_').append(run)
                    .append("\",\"from\":{\"id\":\"u").append(i).append("\",\"name\":\"B\\u00e4nk Testare\"},")
                    .append("\"message\":\"Hej! N\\u00e4r plogas Storgatan? Det \\u00e4r halt vid skolan.\",")
                    .append("\"created_time\":").append(1764400000 + i).append("}}");
        }
        return json.append("]}]}").toString().getBytes(StandardCharsets.US_ASCII);
    }
}
