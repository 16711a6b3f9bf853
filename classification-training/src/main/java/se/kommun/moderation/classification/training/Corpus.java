package se.kommun.moderation.classification.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import se.kommun.moderation.events.Route;

/** Reads corpus files (JSON lines of the dev-set form); a folder stands for its *.jsonl files, in name order. */
public final class Corpus {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Corpus() {
    }

    public static List<LabelledComment> read(List<Path> paths) {
        List<LabelledComment> comments = new ArrayList<>();
        for (Path path : files(paths)) {
            String writer = path.getFileName().toString().replaceFirst("\\.jsonl$", "");
            List<String> lines;
            try {
                lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    comments.add(parse(lines.get(i), path + ":" + (i + 1), writer));
                }
            }
        }
        return comments;
    }

    static LabelledComment parse(String line, String where, String writer) {
        try {
            JsonNode n = JSON.readTree(line);
            if (!n.hasNonNull("text") || !n.hasNonNull("route") || !n.hasNonNull("subtype")) {
                throw new IllegalArgumentException(where + ": text, route and subtype are required");
            }
            return new LabelledComment(n.path("id").asText(where), n.get("text").asText(),
                    Route.valueOf(n.get("route").asText().toUpperCase(Locale.ROOT)), n.get("subtype").asText(),
                    n.path("needs_response").asBoolean(false), writer);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": not JSON", e);
        }
    }

    private static List<Path> files(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> listed = Files.list(path)) {
                    listed.filter(p -> p.toString().endsWith(".jsonl")).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + path, e);
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }
}
