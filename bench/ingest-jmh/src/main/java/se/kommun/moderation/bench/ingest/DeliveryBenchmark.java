package se.kommun.moderation.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.ingest.delivery.domain.MappedDelivery;
import se.kommun.moderation.ingest.delivery.domain.RawBody;
import se.kommun.moderation.ingest.delivery.domain.ReceivedEvents;
import se.kommun.moderation.ingest.meta.domain.MetaPayloadMapper;

/**
 * The ingest edge's own CPU for one signed Facebook delivery, without HTTP and Kafka: hash the body,
 * map it to comments, wrap and encode their events (one operation = one delivery of {@code changes}
 * comment changes, shaped as {@code bench/ingest/make_bodies.py} shapes them). Its parts are measured
 * too, each next to a reference in the same run (the machines are noisy; the ratio is what
 * compares): the mapping next to Jackson's plain tree of the same body, and the event encoding with
 * the codec's hand-written writer next to the generic Jackson databind path it replaced.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class DeliveryBenchmark {

    private static final String PAGE = "bench-page";

    @Param("50")
    public int changes;

    private final EventCodec codec = EventCodec.instance();
    private final MetaPayloadMapper mapper = new MetaPayloadMapper();
    private final Instant receivedAt = Instant.parse("2026-11-30T10:15:30.123456Z");
    private byte[] body;
    private List<EventEnvelope<CommentReceived>> events;

    @Setup
    public void setUp() {
        StringBuilder json = new StringBuilder("{\"object\":\"page\",\"entry\":[{\"id\":\"" + PAGE
                + "\",\"time\":1764400000,\"changes\":[");
        String run = "0f3a9c2b7d1e";
        for (int i = 0; i < changes; i++) {
            // Meta signs the escaped-unicode form, and sends it: so does the benchmark.
            json.append(i == 0 ? "" : ",")
                    .append("{\"field\":\"feed\",\"value\":{\"item\":\"comment\",\"verb\":\"add\","
                    + "\"comment_id\":\"" + run + "_" + i + "\",\"post_id\":\"" + PAGE + "_" + run + "\","
                    + "\"parent_id\":\"" + PAGE + "_" + run + "\",\"from\":{\"id\":\"u" + i + "\","
                    + "\"name\":\"B\\u00e4nk Testare\"},\"message\":\"Hej! N\\u00e4r plogas Storgatan? "
                    + "Det \\u00e4r halt vid skolan.\",\"created_time\":" + (1764400000 + i) + "}}");
        }
        body = json.append("]}]}").toString().getBytes(StandardCharsets.US_ASCII);
        events = envelopes(mapper.map(RawBody.of(body, "application/json"), receivedAt));
        if (events.size() != changes) {
            throw new IllegalStateException("expected " + changes + " comments, mapped " + events.size());
        }
    }

    /** Everything the edge does between the request's bytes and the producer. */
    @Benchmark
    public List<byte[]> wholeDelivery() {
        MappedDelivery mapped = mapper.map(RawBody.of(body, "application/json"), receivedAt);
        return codec.encodeAllToBytes(envelopes(mapped));
    }

    @Benchmark
    public MappedDelivery hashAndMap() {
        return mapper.map(RawBody.of(body, "application/json"), receivedAt);
    }

    /** A reference for the mapping: Jackson's own tree of the same body, and nothing else. */
    @Benchmark
    public JsonNode referenceReadTree() throws Exception {
        return codec.mapper().readTree(body);
    }

    @Benchmark
    public List<byte[]> encodeWithTheWriter() {
        return codec.encodeAllToBytes(events);
    }

    /** The reference: the generic databind path, which wrote these events before the writer. */
    @Benchmark
    public void encodeWithDatabind(Blackhole sink) throws Exception {
        for (EventEnvelope<CommentReceived> event : events) {
            sink.consume(codec.mapper().writeValueAsBytes(event));
        }
    }

    private static List<EventEnvelope<CommentReceived>> envelopes(MappedDelivery mapped) {
        List<EventEnvelope<CommentReceived>> envelopes = new ArrayList<>(mapped.comments().size());
        for (CommentReceived comment : mapped.comments()) {
            envelopes.add(ReceivedEvents.envelope(comment));
        }
        return envelopes;
    }
}
