package se.kommun.moderation.ingest.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The tree's object fields must behave exactly as the LinkedHashMap they replace. */
class FieldMapTest {

    @Test
    void behavesAsALinkedHashMapUnderRandomUseOnBothSidesOfTheScanLimit() {
        Random random = new Random(11);
        for (int round = 0; round < 300; round++) {
            Map<String, JsonNode> ours = new FieldMap();
            Map<String, JsonNode> expected = new LinkedHashMap<>();
            int names = 1 + random.nextInt(2 * FieldMap.MAX_SCANNED + 4);
            for (int step = 0; step < 200; step++) {
                // new String: equal names that are not the same object must still be found
                String name = new String("f" + random.nextInt(names));
                JsonNode value = JsonNodeFactory.instance.numberNode(step);
                switch (random.nextInt(10)) {
                    case 0 -> assertThat(ours.remove(name)).isEqualTo(expected.remove(name));
                    case 1 -> removeThroughTheIterator(ours, expected, name);
                    case 2 -> assertThat(ours.containsKey(name)).isEqualTo(expected.containsKey(name));
                    default -> assertThat(ours.put(name, value)).isEqualTo(expected.put(name, value));
                }
                assertThat(ours.get(name)).isEqualTo(expected.get(name));
                assertThat(ours.size()).isEqualTo(expected.size());
            }
            assertThat(new ArrayList<>(ours.entrySet())).isEqualTo(new ArrayList<>(expected.entrySet()));
            assertThat(ours).isEqualTo(expected);
            ours.clear();
            assertThat(ours).isEmpty();
        }
    }

    @Test
    void aRepeatedFieldKeepsItsPlaceAndTheLastValueAsInJacksonsOwnTree() throws Exception {
        String json = "{\"a\":1,\"b\":2,\"a\":3}";
        JsonNode ours = JsonFragments.read(json.getBytes()).root();
        JsonNode jacksons = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);

        assertThat(ours).isEqualTo(jacksons);
        assertThat(ours.toString()).isEqualTo(jacksons.toString()).isEqualTo("{\"a\":3,\"b\":2}");
    }

    private static void removeThroughTheIterator(Map<String, JsonNode> ours, Map<String, JsonNode> expected,
            String name) {
        List<Map<String, JsonNode>> both = List.of(ours, expected);
        for (Map<String, JsonNode> map : both) {
            for (Iterator<Map.Entry<String, JsonNode>> it = map.entrySet().iterator(); it.hasNext();) {
                if (it.next().getKey().equals(name)) {
                    it.remove();
                }
            }
        }
    }
}
