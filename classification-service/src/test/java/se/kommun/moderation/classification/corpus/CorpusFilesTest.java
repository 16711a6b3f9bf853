package se.kommun.moderation.classification.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every training and blind corpus file keeps the labelling guide (corpus/LABELS.md): JSON lines
 * with known routes and subtypes, unique ids, criminal never answered, confidential always, and a
 * Luhn-valid personnummer in every personal_id comment.
 */
class CorpusFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Set<String>> SUBTYPES = Map.of(
            "trivial", Set.of("question", "thanks", "chatter", "emoji", "spam", "other"),
            "complaint", Set.of("complaint", "new_case", "ongoing_case"),
            "confidential", Set.of("personal_id", "health", "social_services", "school", "protected_identity", "other"),
            "criminal", Set.of("threat", "hate_speech", "incitement", "violence_glorification", "csam_reference",
                    "copyright", "privacy_violation"));
    private static final Set<String> PLATFORMS = Set.of("facebook", "instagram", "x", "linkedin", "youtube", "blog",
            "website");
    private static final Pattern PERSONNUMMER = Pattern.compile("(?<!\\d)(\\d{2})?(\\d{6})[-+–]?(\\d{4})(?!\\d)");

    private static List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("corpus/train", "corpus/blind")) {
            try (Stream<Path> listed = Files.list(Path.of(folder))) {
                listed.filter(p -> p.toString().endsWith(".jsonl")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    @Test
    void everyLineKeepsTheLabellingGuide() throws IOException {
        List<Path> files = files();
        assertThat(files).hasSizeGreaterThanOrEqualTo(8);
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        int lines = 0;
        for (Path file : files) {
            List<String> content = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < content.size(); i++) {
                if (content.get(i).isBlank()) {
                    continue;
                }
                lines++;
                String where = file.getFileName() + ":" + (i + 1);
                JsonNode n = JSON.readTree(content.get(i));
                String route = n.path("route").asText();
                String subtype = n.path("subtype").asText();
                if (!ids.add(n.path("id").asText())) {
                    problems.add(where + " repeats id " + n.path("id").asText());
                }
                if (!PLATFORMS.contains(n.path("platform").asText())) {
                    problems.add(where + " platform");
                }
                if (!SUBTYPES.getOrDefault(route, Set.of()).contains(subtype)) {
                    problems.add(where + " route/subtype " + route + "/" + subtype);
                }
                if (!n.path("needs_response").isBoolean() || n.path("text").asText().isBlank()) {
                    problems.add(where + " needs_response or text");
                }
                boolean answer = n.path("needs_response").asBoolean();
                if (route.equals("criminal") && answer || route.equals("confidential") && !answer) {
                    problems.add(where + " needs_response against the guide");
                }
                if (subtype.equals("personal_id") && !holdsValidPersonnummer(n.path("text").asText())) {
                    problems.add(where + " personal_id without a Luhn-valid personnummer");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(lines).isGreaterThanOrEqualTo(4000 + 3 * 150);
    }

    /** Ten or twelve digits, perhaps with a separator or spaces between digits, a real date, a right check digit. */
    static boolean holdsValidPersonnummer(String text) {
        return anyValid(text) || anyValid(text.replaceAll("(?<=[\\d–-])\\s+(?=[\\d–-])", ""));
    }

    private static boolean anyValid(String text) {
        Matcher m = PERSONNUMMER.matcher(text);
        while (m.find()) {
            String ten = m.group(2) + m.group(3);
            int month = Integer.parseInt(ten.substring(2, 4));
            int day = Integer.parseInt(ten.substring(4, 6));
            if (month >= 1 && month <= 12 && (day >= 1 && day <= 31 || day >= 61 && day <= 91) && luhn(ten)) {
                return true;
            }
        }
        return false;
    }

    private static boolean luhn(String ten) {
        int sum = 0;
        for (int i = 0; i < ten.length(); i++) {
            int d = (ten.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return sum % 10 == 0;
    }

    @Test
    void theLuhnCheckIsRight() {
        assertThat(holdsValidPersonnummer("mitt pnr är 811218-9876")).isTrue();
        assertThat(holdsValidPersonnummer("19811218-9876")).isTrue();
        assertThat(holdsValidPersonnummer("811218-9875")).isFalse();
        assertThat(holdsValidPersonnummer("3 8 0 7 1 2 - 4 4 0 3")).isTrue();
    }
}
