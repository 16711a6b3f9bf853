package se.kommun.moderation.cases.diarium.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DiaryNumberFormatTest {

    @Test
    void formatsTheCommonMunicipalStyles() {
        assertThat(new DiaryNumberFormat("KS {year}/{seq}").format(2026, 123)).isEqualTo("KS 2026/123");
        assertThat(new DiaryNumberFormat("KS/{year}:{seq}").format(2014, 241)).isEqualTo("KS/2014:241");
        assertThat(new DiaryNumberFormat("KSN-{year}-{seq:4}").format(2013, 180)).isEqualTo("KSN-2013-0180");
        assertThat(new DiaryNumberFormat("Ks {seq}/{year}").format(2019, 900)).isEqualTo("Ks 900/2019");
    }

    @Test
    void paddingNeverTruncates() {
        assertThat(new DiaryNumberFormat("KSN-{year}-{seq:4}").format(2026, 123456)).isEqualTo("KSN-2026-123456");
    }

    @Test
    void rejectsFormatsThatCannotBeGaplessPerYear() {
        assertThatThrownBy(() -> new DiaryNumberFormat("KS {seq}")).hasMessageContaining("{year} and {seq}");
        assertThatThrownBy(() -> new DiaryNumberFormat("KS {year}/{nr}")).isInstanceOf(IllegalArgumentException.class);
    }
}
