package se.kommun.moderation.ingest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.CommentReceived;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.Verb;
import se.kommun.moderation.ingest.meta.domain.MetaPayloadMapper;

class ContractFloorPoolTest {

    private final EventCodec codec = EventCodec.instance();

    @Test
    void everyDeliveryHoldsTheEventsTheWebhookWouldPublishForItsChanges() {
        List<ContractFloorPool.Delivery> pool = ContractFloorPool.build(new MetaPayloadMapper(), "bench-page", 50, 3);

        assertThat(pool).hasSize(3);
        Set<String> keys = new HashSet<>();
        for (ContractFloorPool.Delivery delivery : pool) {
            assertThat(delivery.values()).hasSize(50);
            assertThat(delivery.keys()).hasSize(50);
            for (int i = 0; i < 50; i++) {
                EventEnvelope<CommentReceived> event = codec.decode(delivery.values().get(i), CommentReceived.class);
                assertThat(event.commentKey()).isEqualTo(delivery.keys().get(i));
                CommentReceived comment = event.payload();
                assertThat(comment.platform()).isEqualTo(Platform.FACEBOOK);
                assertThat(comment.accountId()).isEqualTo("bench-page");
                assertThat(comment.verb()).isEqualTo(Verb.ADDED);
                assertThat(comment.text()).isEqualTo("Hej! När plogas Storgatan? Det är halt vid skolan.");
                assertThat(comment.author().displayName()).isEqualTo("Bänk Testare");
                assertThat(new String(comment.raw().fragment(), StandardCharsets.US_ASCII))
                        .contains("\"comment_id\":\"" + comment.commentId() + "\"");
            }
            keys.addAll(delivery.keys());
        }
        // Distinct comments throughout, as real traffic: repeated records would flatter the compression.
        assertThat(keys).hasSize(150);
    }

    @Test
    void aSingleChangeMakesOneEvent() {
        List<ContractFloorPool.Delivery> pool = ContractFloorPool.build(new MetaPayloadMapper(), "bench-page", 1, 2);

        assertThat(pool).allSatisfy(delivery -> assertThat(delivery.values()).hasSize(1));
        assertThat(pool.get(0).keys()).doesNotContainAnyElementsOf(pool.get(1).keys());
    }
}
