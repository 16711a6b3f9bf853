package se.kommun.moderation.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void nulAndLoneSurrogatesBecomeTheReplacementCharacter() {
        assertThat(StorableText.of("hej\u0000då")).isEqualTo("hej\uFFFDdå");
        assertThat(StorableText.of("\u0000\u0000")).isEqualTo("\uFFFD\uFFFD");
        assertThat(StorableText.of("a\uD83Db")).isEqualTo("a\uFFFDb");
        assertThat(StorableText.of("a\uDE00b")).isEqualTo("a\uFFFDb");
        assertThat(StorableText.of("slut\uD83D")).isEqualTo("slut\uFFFD");
        assertThat(StorableText.of("\uDE00\uD83D")).isEqualTo("\uFFFD\uFFFD");
    }

    @Test
    void everythingElseIsKeptAsItIs() {
        String text = "Tack 😀 för ❤️ åäö\t\n\u0001 \uFEFF";
        assertThat(StorableText.of(text)).isSameAs(text);
        assertThat(StorableText.of("x\u0000😀")).isEqualTo("x\uFFFD😀");
        assertThat(StorableText.of(null)).isNull();
        assertThat(StorableText.of("")).isEmpty();
    }
}
