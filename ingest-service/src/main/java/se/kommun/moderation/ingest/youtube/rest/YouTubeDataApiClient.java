package se.kommun.moderation.ingest.youtube.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The two list calls of the YouTube Data API v3 ({@code quarkus.rest-client.youtube.url}). Bodies are
 * taken as bytes: they are hashed and cut into per-comment fragments exactly as received. A
 * {@code null} parameter or header is left out of the request.
 */
@RegisterRestClient(configKey = "youtube")
@Produces(MediaType.APPLICATION_JSON)
public interface YouTubeDataApiClient {

    @GET
    @Path("/commentThreads")
    byte[] commentThreads(@QueryParam("part") String part,
            @QueryParam("allThreadsRelatedToChannelId") String channelId,
            @QueryParam("moderationStatus") String moderationStatus,
            @QueryParam("order") String order,
            @QueryParam("maxResults") int maxResults,
            @QueryParam("textFormat") String textFormat,
            @QueryParam("pageToken") String pageToken,
            @QueryParam("key") String apiKey,
            @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/comments")
    byte[] comments(@QueryParam("part") String part,
            @QueryParam("parentId") String parentId,
            @QueryParam("maxResults") int maxResults,
            @QueryParam("textFormat") String textFormat,
            @QueryParam("pageToken") String pageToken,
            @QueryParam("key") String apiKey,
            @HeaderParam("Authorization") String authorization);
}
