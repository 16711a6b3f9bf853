package se.kommun.moderation.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UtcInstantsTest {

    private final ObjectMapper mapper = EventCodec.instance().mapper();

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-29T10:15:30Z", "2026-11-29T10:15:30.1Z", "2026-11-29T10:15:30.123Z",
            "2026-11-29T10:15:30.123456Z", "2026-11-29T10:15:30.123456789Z", "1970-01-01T00:00:00Z",
            "2028-02-29T23:59:59.999Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z"})
    void readsTheCodecsOwnFormExactlyAsTheStandardParser(String text) {
        assertThat(UtcInstantDeserializer.parseUtc(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-29T10:15:30+01:00", "2026-11-29T10:15:30.Z", "2026-11-29 10:15:30Z",
            "2026-13-01T00:00:00Z", "2027-02-29T00:00:00Z", "2026-11-29T24:00:00Z", "2026-11-29T23:59:60Z",
            "2026-11-29T10:15:30.1234567890Z", "2026-11-29T1a:15:30Z", "+2026-11-29T10:15:30Z"})
    void leavesEveryOtherFormToTheStandardReader(String text) {
        assertThat(UtcInstantDeserializer.parseUtc(text)).isNull();
    }

    @Test
    void writesEveryInstantExactlyAsInstantToString() throws Exception {
        java.util.Random random = new java.util.Random(42);
        List<Instant> samples = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("2026-11-29T10:15:30Z"),
                Instant.parse("2026-11-29T10:15:30.100Z"), Instant.parse("2026-11-29T10:15:30.000100Z"),
                Instant.parse("2026-11-29T10:15:30.000000100Z"), Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-12-31T23:59:59Z"), Instant.MIN, Instant.MAX));
        for (int i = 0; i < 10_000; i++) {
            long seconds = random.nextLong() % 253_402_300_799L; // within years 0001–9999 either side of 1970
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            samples.add(Instant.ofEpochSecond(Math.abs(seconds) * (i % 2 == 0 ? 1 : -1) / 32, nanos));
        }
        for (Instant instant : samples) {
            assertThat(UtcInstantSerializer.format(instant)).isEqualTo(instant.toString());
            assertThat(mapper.writeValueAsString(instant)).isEqualTo("\"" + instant + "\"");
        }
    }

    @Test
    void theCodecReadsInstantsWithThisReader() throws Exception {
        DeserializationContext context = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createDummyInstance(mapper.getDeserializationConfig());
        assertThat(context.findRootValueDeserializer(mapper.constructType(Instant.class)))
                .isInstanceOf(UtcInstantDeserializer.class);
    }

    @Test
    void theCodecStillAcceptsWhatTheStandardReaderAcceptsAndRejectsTheRest() throws Exception {
        assertThat(mapper.readValue("\"2026-11-29T11:15:30+01:00\"", Instant.class))
                .isEqualTo(Instant.parse("2026-11-29T10:15:30Z"));
        assertThat(mapper.readValue("\"2026-11-29T10:15:30.5Z\"", Instant.class))
                .isEqualTo(Instant.parse("2026-11-29T10:15:30.500Z"));
        assertThat(mapper.readValue("1764411330", Instant.class)).isEqualTo(Instant.ofEpochSecond(1764411330));
        assertThatThrownBy(() -> mapper.readValue("\"2027-02-29T00:00:00Z\"", Instant.class))
                .isInstanceOf(IOException.class);
    }
}
