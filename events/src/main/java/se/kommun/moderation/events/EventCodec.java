package se.kommun.moderation.events;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * JSON serde of the contract. Thread-safe. Unknown fields are ignored so that additive changes
 * within a version do not break older consumers; missing required fields, wrong types and a type
 * other than the expected one are rejected with a {@link MalformedEventException} whose message
 * names the field and the position but never quotes the content (it may be confidential).
 */
public final class EventCodec {

    private static final EventCodec INSTANCE = new EventCodec();

    private final ObjectMapper mapper = JsonMapper.builder()
            // The module's own Instant reader and writer, replaced inside it: a second module would
            // not take precedence over it.
            .addModule(new JavaTimeModule().addDeserializer(Instant.class, new UtcInstantDeserializer())
                    .addSerializer(Instant.class, new UtcInstantSerializer()))
            .addModule(new BlackbirdModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    public static EventCodec instance() {
        return INSTANCE;
    }

    public String encode(EventEnvelope<?> envelope) {
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + envelope.type(), e);
        }
    }

    /** As {@link #encode}, straight to UTF-8: cheaper than a String when the bytes are what is sent. */
    @SuppressWarnings("unchecked")
    public byte[] encodeToBytes(EventEnvelope<?> envelope) {
        if (envelope.payload() instanceof CommentReceived) {
            // The edge writes one per comment; the same bytes without databind (see there).
            return new CommentReceivedJson().write((EventEnvelope<CommentReceived>) envelope);
        }
        try {
            return mapper.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + envelope.type(), e);
        }
    }

    /**
     * As {@link #encodeToBytes} for each, in order. Comments of one delivery share their body hash,
     * receipt time and account, which are then written once and copied.
     */
    @SuppressWarnings("unchecked")
    public List<byte[]> encodeAllToBytes(List<? extends EventEnvelope<?>> envelopes) {
        List<byte[]> encoded = new ArrayList<>(envelopes.size());
        CommentReceivedJson comments = null;
        for (EventEnvelope<?> envelope : envelopes) {
            if (envelope.payload() instanceof CommentReceived) {
                comments = comments == null ? new CommentReceivedJson() : comments;
                encoded.add(comments.write((EventEnvelope<CommentReceived>) envelope));
            } else {
                encoded.add(encodeToBytes(envelope));
            }
        }
        return encoded;
    }

    /** Reads an envelope whose payload must be of {@code payloadType}. */
    public <P> EventEnvelope<P> decode(String json, Class<P> payloadType) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("empty message: expected a " + EventEnvelope.typeOf(payloadType).name() + " event");
        }
        EventEnvelope.TypeAndVersion expected = EventEnvelope.typeOf(payloadType);
        JavaType type = mapper.getTypeFactory().constructParametricType(EventEnvelope.class, payloadType);
        EventEnvelope<P> envelope;
        try {
            // The type is checked before the payload is bound, so that a wrong type is reported as such
            // rather than as whichever of its fields happens not to fit.
            JsonNode tree = mapper.readTree(json);
            JsonNode typeNode = tree == null ? null : tree.get("type");
            if (typeNode != null && typeNode.isTextual() && !expected.name().equals(typeNode.asText())) {
                throw new MalformedEventException("event type '" + typeNode.asText() + "' where "
                        + expected.name() + " was expected");
            }
            envelope = mapper.readerFor(type).readValue(tree);
        } catch (IOException e) {
            throw new MalformedEventException(describe(e), e);
        }
        if (!expected.name().equals(envelope.type())) {
            throw new MalformedEventException("event type '" + envelope.type() + "' where "
                    + expected.name() + " was expected");
        }
        if (envelope.version() > expected.version()) {
            throw new MalformedEventException(expected.name() + " version " + envelope.version()
                    + " is newer than this reader's " + expected.version());
        }
        return envelope;
    }

    public <P> EventEnvelope<P> decode(byte[] json, Class<P> payloadType) {
        return decode(json == null ? null : new String(json, StandardCharsets.UTF_8), payloadType);
    }

    /** The shared mapper, for adapters that need plain JSON with the same conventions. */
    public ObjectMapper mapper() {
        return mapper;
    }

    private static String describe(IOException e) {
        if (e instanceof JsonMappingException mapping) {
            String path = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String where = path.isEmpty() ? "event" : "field '" + path + "'";
            if (mapping instanceof ValueInstantiationException && mapping.getCause() != null) {
                return "invalid " + where + ": " + mapping.getCause().getMessage();
            }
            return "invalid " + where + " at " + position(mapping.getLocation());
        }
        if (e instanceof JsonProcessingException processing) {
            return "not valid JSON at " + position(processing.getLocation());
        }
        return "unreadable event: " + e.getClass().getSimpleName();
    }

    private static String position(JsonLocation location) {
        return location == null ? "unknown position"
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
