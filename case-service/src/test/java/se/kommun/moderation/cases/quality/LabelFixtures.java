package se.kommun.moderation.cases.quality;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static se.kommun.moderation.cases.desk.DeskFixtures.classified;
import static se.kommun.moderation.cases.desk.DeskFixtures.inTransaction;
import static se.kommun.moderation.cases.desk.DeskFixtures.newCommentId;
import static se.kommun.moderation.cases.desk.DeskFixtures.publishClassified;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.kommun.moderation.cases.desk.persistence.DeskCommentEntity;
import se.kommun.moderation.cases.quality.persistence.ModeratorLabelEntity;
import se.kommun.moderation.cases.tasks.domain.TaskKind;
import se.kommun.moderation.cases.tasks.domain.TaskStatus;
import se.kommun.moderation.cases.tasks.persistence.TaskEntity;
import se.kommun.moderation.events.CommentClassified;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.Route;
import se.kommun.moderation.testkit.TopicProbe;

/** Comments put in front of a person through the review lane, their decisions, and reads of the export. */
final class LabelFixtures {

    static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    private LabelFixtures() {
    }

    static RequestSpecification moderator() {
        return given().auth().preemptive().basic("moderator", "test-moderator-password");
    }

    static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "test-admin-password");
    }

    /** A classification the classifier was unsure of, on the desk with its review open. */
    static EventEnvelope<CommentClassified> underReview(TopicProbe probe, Route route, String subtype,
            boolean needsResponse, String text) {
        EventEnvelope<CommentClassified> event = classified(newCommentId(), route, subtype, 0.41, true, needsResponse,
                text);
        publishClassified(probe, event);
        await().atMost(WAIT).until(() -> inTransaction(() -> TaskEntity.count(
                "commentKey = ?1 and kind = ?2 and status = ?3", event.commentKey(), TaskKind.REVIEW,
                TaskStatus.OPEN) == 1));
        return event;
    }

    /** Waits until the desk has handled this classification. */
    static void awaitOnDesk(EventEnvelope<CommentClassified> event) {
        await().atMost(WAIT).until(() -> inTransaction(() -> {
            DeskCommentEntity comment = DeskCommentEntity.findById(event.commentKey());
            return comment != null && comment.classifiedEvent.equals(event.eventId());
        }));
    }

    static void confirm(RequestSpecification who, String key) {
        who.contentType(ContentType.JSON).body(Map.of("reason", "stämmer")).post("/queue/reviews/{key}/confirm", key)
                .then().statusCode(200);
    }

    static void decide(RequestSpecification who, String key, Route route, String subtype) {
        Map<String, String> body = new HashMap<>(Map.of("route", route.name(), "reason", "fel väg"));
        if (subtype != null) {
            body.put("subtype", subtype);
        }
        who.contentType(ContentType.JSON).body(body).post("/queue/reviews/{key}/decide", key).then().statusCode(200);
    }

    static ModeratorLabelEntity label(String key) {
        return inTransaction(() -> ModeratorLabelEntity.findById(key));
    }

    /** Every exported line since the instant, following the next links; {@code query} adds parameters. */
    static List<JsonNode> exported(Instant since, Map<String, String> query) {
        List<JsonNode> lines = new ArrayList<>();
        Response page = admin().queryParams(query).queryParam("since", since.toString()).get("/quality/export");
        while (true) {
            page.then().statusCode(200);
            lines.addAll(parse(page.asString()));
            String next = nextLink(page);
            if (next == null) {
                return lines;
            }
            page = admin().urlEncodingEnabled(false).get(next);
        }
    }

    static String nextLink(Response page) {
        String link = page.header("Link");
        if (link == null) {
            return null;
        }
        Matcher m = NEXT.matcher(link);
        return m.find() ? m.group(1) : null;
    }

    static List<JsonNode> parse(String ndjson) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            if (!line.isEmpty()) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException("not a JSON line: " + line, e);
                }
            }
        }
        return lines;
    }

    static JsonNode lineOf(List<JsonNode> lines, String commentKey) {
        return lines.stream().filter(l -> l.path("id").asText().equals("mod-" + commentKey)).findFirst().orElse(null);
    }

    static List<String> ids(List<JsonNode> lines) {
        return lines.stream().map(l -> l.path("id").asText()).toList();
    }
}
