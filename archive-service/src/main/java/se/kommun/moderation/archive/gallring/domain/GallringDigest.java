package se.kommun.moderation.archive.gallring.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 a protocol row carries over everything one culling destroyed: its items (each a
 * subject and the SHA-256 of the content culled from it), sorted by subject type and id, one line
 * each {@code type:id:sha256\n}. The integrity check recomputes it from the stored items.
 */
public final class GallringDigest {

    public record Item(String subjectType, String subjectId, String contentSha256) {
    }

    private GallringDigest() {
    }

    public static String of(List<Item> items) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            items.stream()
                    .sorted(Comparator.comparing(Item::subjectType).thenComparing(Item::subjectId))
                    .forEach(i -> sha.update((i.subjectType() + ':' + i.subjectId() + ':' + i.contentSha256() + '\n')
                            .getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
