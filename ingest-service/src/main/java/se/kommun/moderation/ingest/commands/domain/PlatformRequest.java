package se.kommun.moderation.ingest.commands.domain;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP call an adapter wants made. Built by plain code (no I/O), so a unit test can assert the
 * exact method, URI, headers and body. {@link #toString()} leaves the body and the headers' values
 * out: they carry tokens and reply text.
 */
public record PlatformRequest(String method, URI uri, Map<String, String> headers, byte[] body) {

    public PlatformRequest {
        Objects.requireNonNull(method, "method is required");
        Objects.requireNonNull(uri, "uri is required");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? new byte[0] : body;
    }

    public static Builder builder(String method, URI uri) {
        return new Builder(method, uri);
    }

    @Override
    public String toString() {
        return method + " " + uri.getScheme() + "://" + uri.getAuthority() + uri.getRawPath() + " headers="
                + headers.keySet() + " body=" + body.length + " bytes";
    }

    /** Collects headers in order. */
    public static final class Builder {
        private final String method;
        private final URI uri;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;

        private Builder(String method, URI uri) {
            this.method = method;
            this.uri = uri;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Builder bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Builder body(String contentType, byte[] content) {
            headers.put("Content-Type", contentType);
            this.body = content;
            return this;
        }

        public PlatformRequest build() {
            return new PlatformRequest(method, uri, headers, body);
        }
    }
}
