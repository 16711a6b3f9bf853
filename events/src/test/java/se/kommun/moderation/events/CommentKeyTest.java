package se.kommun.moderation.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommentKeyTest {

    @Test
    void parsesAndPrintsTheWireForm() {
        CommentKey key = CommentKey.parse("facebook:123:456_789");

        assertThat(key).isEqualTo(new CommentKey(Platform.FACEBOOK, "123", "456_789"));
        assertThat(key.toString()).isEqualTo("facebook:123:456_789");
    }

    @Test
    void theCommentIdMayContainColons() {
        assertThat(CommentKey.parse("linkedin:org-1:urn:li:comment:(urn:li:activity:1,2)").commentId())
                .isEqualTo("urn:li:comment:(urn:li:activity:1,2)");
    }

    @Test
    void rejectsIncompleteKeys() {
        assertThatThrownBy(() -> CommentKey.parse("web:acct")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommentKey.parse("web::c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommentKey.parse("myspace:a:c")).hasMessageContaining("unknown platform");
    }

    @Test
    void derivedIdsAreStableAndUnambiguous() {
        assertThat(EventIds.derive("a", "b")).isEqualTo(EventIds.derive("a", "b"));
        assertThat(EventIds.derive("a:b", "c")).isNotEqualTo(EventIds.derive("a", "b:c"));
    }
}
