package se.kommun.moderation.ingest.commands.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What the platform answered: status, headers (looked up case-insensitively) and body. */
public record PlatformResponse(int status, Map<String, List<String>> headers, byte[] body) {

    public PlatformResponse {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null) {
                copy.put(name, List.copyOf(values));
            }
        });
        headers = copy;
        body = body == null ? new byte[0] : body;
    }

    public static PlatformResponse of(int status, String body) {
        return new PlatformResponse(status, Map.of(), body == null ? null
                : body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
