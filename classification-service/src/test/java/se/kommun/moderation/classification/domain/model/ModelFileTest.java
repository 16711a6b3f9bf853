package se.kommun.moderation.classification.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import se.kommun.moderation.events.Route;
import org.junit.jupiter.api.Test;

class ModelFileTest {

    private static ModelFile.Contents tiny() {
        return new ModelFile.Contents(List.of("TRIVIAL/chatter", "CRIMINAL/threat"), new long[] {42L, -7L},
                new float[] {0.5f, -0.5f, -1f, 2f}, new float[] {0.1f, -0.1f}, 1.3, new RouteModel.Thresholds(0.95, 0.1));
    }

    @Test
    void aModelIsNamedByItsFileAndReadBackAsWritten() {
        byte[] file = ModelFile.write(tiny());
        assertThat(ModelFile.write(tiny())).as("the same model, the same bytes").isEqualTo(file);
        RouteModel model = ModelFile.read(file);
        assertThat(model.id()).isEqualTo(ModelFile.idOf(file)).matches("m-[0-9a-f]{12}");
        assertThat(model.classes()).containsExactly("TRIVIAL/chatter", "CRIMINAL/threat");
        assertThat(model.temperature()).isEqualTo(1.3);
        assertThat(model.thresholds()).isEqualTo(new RouteModel.Thresholds(0.95, 0.1));
        assertThat(model.featureCount()).isEqualTo(2);
    }

    @Test
    void scoringAddsTheRowsOfKnownFeaturesAndIgnoresTheRest() {
        RouteModel model = ModelFile.read(ModelFile.write(tiny()));
        FeatureVector features = new FeatureVector(new long[] {-7L, 99L}, new float[] {1f, 1f}, new int[] {0, 0},
                new int[] {3, 3}, 2);
        RouteModel.Scored scored = model.score(features);
        // logits: chatter 0.1 - 1 = -0.9, threat -0.1 + 2 = 1.9; divided by the temperature 1.3
        double threat = 1 / (1 + Math.exp((-0.9 - 1.9) / 1.3));
        assertThat(scored.probability(Route.CRIMINAL)).isCloseTo(threat,
                within(1e-9));
        assertThat(scored.strongestFor(Route.CRIMINAL, 3)).singleElement()
                .satisfies(c -> assertThat(c.start()).isZero());
    }

    @Test
    void aFileThatIsNotAModelSaysSo() {
        assertThatThrownBy(() -> ModelFile.read(new byte[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model file");
    }

    @Test
    void theBundledModelIsThere() {
        assertThat(ModelFile.bundled()).hasValueSatisfying(m -> assertThat(m.classes()).hasSizeGreaterThan(10));
    }
}
