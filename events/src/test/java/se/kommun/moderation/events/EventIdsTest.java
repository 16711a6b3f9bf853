package se.kommun.moderation.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    /** Ids already on the topics were made by the JDK's own: they must not change. */
    @Test
    void theIdIsTheJdksNameBasedUuidOfTheJoinedParts() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            String a = randomText(random);
            String b = randomText(random);
            String name = a.length() + ":" + a + "|" + b.length() + ":" + b + "|";
            assertThat(EventIds.derive(a, b))
                    .isEqualTo(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void partsAreJoinedUnambiguously() {
        assertThat(EventIds.derive("a:b", "c")).isNotEqualTo(EventIds.derive("a", "b:c"));
        assertThat(EventIds.derive("x")).isEqualTo(EventIds.derive("x")).extracting(UUID::version).isEqualTo(3);
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(40); n > 0; n--) {
            text.append((char) (random.nextBoolean() ? 0x20 + random.nextInt(0x5F) : 0xA0 + random.nextInt(0x3000)));
        }
        return text.toString();
    }
}
