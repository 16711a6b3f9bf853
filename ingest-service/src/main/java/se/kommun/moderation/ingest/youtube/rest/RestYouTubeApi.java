package se.kommun.moderation.ingest.youtube.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import se.kommun.moderation.ingest.youtube.config.YouTubeConfig;
import se.kommun.moderation.ingest.youtube.domain.ModerationStatus;
import se.kommun.moderation.ingest.youtube.domain.YouTubeApi;
import se.kommun.moderation.ingest.youtube.domain.YouTubeApiException;

/**
 * {@link YouTubeApi} over the REST client, with the credentials from configuration: the API key as
 * {@code key=}, the OAuth token as a bearer header, each only when configured.
 */
@ApplicationScoped
public class RestYouTubeApi implements YouTubeApi {

    static final int MAX_RESULTS = 100;
    // textDisplay in plain text rather than HTML (entities and <br>), for when textOriginal is withheld.
    static final String TEXT_FORMAT = "plainText";

    private static final Pattern SAFE_REASON = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final ObjectMapper json = new ObjectMapper();

    @Inject
    @RestClient
    YouTubeDataApiClient client;

    @Inject
    YouTubeConfig config;

    @Override
    public byte[] commentThreads(String channelId, ModerationStatus status, String pageToken)
            throws YouTubeApiException {
        try {
            return client.commentThreads("snippet,replies", channelId, status.apiValue(), "time", MAX_RESULTS,
                    TEXT_FORMAT, pageToken, config.apiKey().orElse(null), bearer());
        } catch (WebApplicationException refused) {
            throw refusal(refused.getResponse());
        } catch (ProcessingException unreachable) {
            throw new YouTubeApiException(0, rootCause(unreachable));
        }
    }

    @Override
    public byte[] replies(String parentId, String pageToken) throws YouTubeApiException {
        try {
            return client.comments("snippet", parentId, MAX_RESULTS, TEXT_FORMAT, pageToken,
                    config.apiKey().orElse(null), bearer());
        } catch (WebApplicationException refused) {
            throw refusal(refused.getResponse());
        } catch (ProcessingException unreachable) {
            throw new YouTubeApiException(0, rootCause(unreachable));
        }
    }

    private String bearer() {
        return config.oauthToken().map(token -> "Bearer " + token).orElse(null);
    }

    /**
     * Google's error body names a short reason ({@code quotaExceeded}, {@code forbidden},
     * {@code commentsDisabled}); only that token is kept, never the body.
     */
    private YouTubeApiException refusal(Response response) {
        String reason = null;
        try {
            JsonNode errors = json.readTree(response.readEntity(byte[].class)).path("error").path("errors");
            String candidate = errors.path(0).path("reason").asText("");
            reason = SAFE_REASON.matcher(candidate).matches() ? candidate : null;
        } catch (RuntimeException | IOException unreadable) {
            // The status alone still says what happened.
        }
        return new YouTubeApiException(response.getStatus(), reason);
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }
}
