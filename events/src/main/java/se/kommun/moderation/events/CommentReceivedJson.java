package se.kommun.moderation.events;

import java.util.List;

/**
 * Writes a {@link CommentReceived} envelope byte for byte as the codec's mapper writes it, without
 * databind. The ingest edge writes one per comment, 50 to a typical Meta batch, and through the
 * mapper that was four-tenths of its CPU (bench/ingest, JFR): bean introspection, a generator per
 * event and a per-char escape loop over strings that are mostly ASCII.
 *
 * <p>The mapper stays the definition of the wire form. {@code CommentReceivedJsonTest} compares the
 * two on thousands of generated events and fails as soon as a record of the contract gains, loses
 * or reorders a component, so this class cannot drift from it unnoticed.
 */
final class CommentReceivedJson {

    private static final byte[] EVENT_ID = JsonBytes.ascii("{\"eventId\":");
    private static final byte[] TYPE = JsonBytes.ascii(",\"type\":");
    private static final byte[] VERSION = JsonBytes.ascii(",\"version\":");
    private static final byte[] OCCURRED_AT = JsonBytes.ascii(",\"occurredAt\":");
    private static final byte[] COMMENT_KEY = JsonBytes.ascii(",\"commentKey\":");
    private static final byte[] PRODUCER = JsonBytes.ascii(",\"producer\":");
    private static final byte[] PLATFORM = JsonBytes.ascii(",\"payload\":{\"platform\":");
    private static final byte[] ACCOUNT_ID = JsonBytes.ascii(",\"accountId\":");
    private static final byte[] COMMENT_ID = JsonBytes.ascii(",\"commentId\":");
    private static final byte[] POST_ID = JsonBytes.ascii(",\"postId\":");
    private static final byte[] PARENT_ID = JsonBytes.ascii(",\"parentId\":");
    private static final byte[] AUTHOR = JsonBytes.ascii(",\"author\":");
    private static final byte[] AUTHOR_ID = JsonBytes.ascii("{\"id\":");
    private static final byte[] DISPLAY_NAME = JsonBytes.ascii(",\"displayName\":");
    private static final byte[] TEXT = JsonBytes.ascii(",\"text\":");
    private static final byte[] MEDIA_REFS = JsonBytes.ascii(",\"mediaRefs\":[");
    private static final byte[] PERMALINK = JsonBytes.ascii("],\"permalink\":");
    private static final byte[] CREATED_AT = JsonBytes.ascii(",\"createdAt\":");
    private static final byte[] RECEIVED_AT = JsonBytes.ascii(",\"receivedAt\":");
    private static final byte[] VERB = JsonBytes.ascii(",\"verb\":");
    private static final byte[] IDEMPOTENCY_KEY = JsonBytes.ascii(",\"idempotencyKey\":");
    private static final byte[] BODY_SHA256 = JsonBytes.ascii(",\"raw\":{\"bodySha256\":");
    private static final byte[] CONTENT_TYPE = JsonBytes.ascii(",\"contentType\":");
    private static final byte[] FRAGMENT = JsonBytes.ascii(",\"fragmentBase64\":");
    private static final byte[] FRAGMENT_SHA256 = JsonBytes.ascii(",\"fragmentSha256\":");
    private static final byte[] NULL = JsonBytes.ascii("null");
    private static final byte[] END = JsonBytes.ascii("}}}");

    /** Enough for a typical event (about 1.3 kB) without growing. */
    private static final int INITIAL_CAPACITY = 2048;

    // One delivery's events share these values as the very same objects (one body hash, one receipt
    // time, one page's id): each is encoded once per writer and copied after that. Values that are
    // merely equal (a post id, read afresh from each change) would miss every time: not memoised.
    private final JsonBytes.Memo type = new JsonBytes.Memo();
    private final JsonBytes.Memo occurredAt = new JsonBytes.Memo();
    private final JsonBytes.Memo producer = new JsonBytes.Memo();
    private final JsonBytes.Memo accountId = new JsonBytes.Memo();
    private final JsonBytes.Memo receivedAt = new JsonBytes.Memo();
    private final JsonBytes.Memo bodySha256 = new JsonBytes.Memo();
    private final JsonBytes.Memo contentType = new JsonBytes.Memo();

    /** A writer for one group of events (one delivery's); not thread-safe. */
    CommentReceivedJson() {
    }

    byte[] write(EventEnvelope<CommentReceived> envelope) {
        CommentReceived comment = envelope.payload();
        JsonBytes json = new JsonBytes(INITIAL_CAPACITY)
                .raw(EVENT_ID).string(envelope.eventId().toString())
                .raw(TYPE).string(envelope.type(), type)
                .raw(VERSION).number(envelope.version())
                .raw(OCCURRED_AT).instant(envelope.occurredAt(), occurredAt)
                .raw(COMMENT_KEY).string(envelope.commentKey())
                .raw(PRODUCER).string(envelope.producer(), producer)
                .raw(PLATFORM).string(comment.platform().id())
                .raw(ACCOUNT_ID).string(comment.accountId(), accountId)
                .raw(COMMENT_ID).string(comment.commentId())
                .raw(POST_ID).string(comment.postId())
                .raw(PARENT_ID).string(comment.parentId())
                .raw(AUTHOR);
        Author author = comment.author();
        if (author == null) {
            json.raw(NULL);
        } else {
            json.raw(AUTHOR_ID).string(author.id()).raw(DISPLAY_NAME).string(author.displayName()).raw('}');
        }
        json.raw(TEXT).string(comment.text()).raw(MEDIA_REFS);
        List<String> mediaRefs = comment.mediaRefs();
        for (int i = 0; i < mediaRefs.size(); i++) {
            if (i > 0) {
                json.raw(',');
            }
            json.string(mediaRefs.get(i));
        }
        RawPayload raw = comment.raw();
        return json.raw(PERMALINK).string(comment.permalink())
                .raw(CREATED_AT).instant(comment.createdAt())
                .raw(RECEIVED_AT).instant(comment.receivedAt(), receivedAt)
                .raw(VERB).string(comment.verb().name())
                .raw(IDEMPOTENCY_KEY).string(comment.idempotencyKey())
                .raw(BODY_SHA256).string(raw.bodySha256(), bodySha256)
                .raw(CONTENT_TYPE).string(raw.contentType(), contentType)
                .raw(FRAGMENT).base64(raw.fragmentView())
                .raw(FRAGMENT_SHA256).string(raw.fragmentSha256())
                .raw(END)
                .toByteArray();
    }
}
