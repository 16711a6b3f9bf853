package se.kommun.moderation.cases.diarium.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiaryReferenceTest {

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "KS 2025/118|KS 2025/118",
            "dnr KS 2025/118.|KS 2025/118",
            "Dnr: BN 2024/0871|BN 2024/0871",
            "ärendenummer MN 2024-5532|MN 2024-5532",
            "diarienummer ks/2014:241|KS/2014:241",
            "KSN-2013-0180)|KSN-2013-0180"})
    void keepsTheNumberWithoutItsKeyword(String span, String number) {
        assertThat(DiaryReference.clean(span)).contains(number);
    }

    @ParameterizedTest
    @CsvSource({"dnr", "ärende", "'  '", "mitt ärende"})
    void aSpanWithoutANumberIsNoReference(String span) {
        assertThat(DiaryReference.clean(span)).isEmpty();
    }
}
