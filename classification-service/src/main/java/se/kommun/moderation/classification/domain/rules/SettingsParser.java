package se.kommun.moderation.classification.domain.rules;

import java.util.Map;

/**
 * Reads settings files: {@code key = number} per line, '#' comments. Thresholds and confidence
 * levels of the decision live here, so a municipality can tune them without a release.
 */
public final class SettingsParser {

    private SettingsParser() {
    }

    public static void parse(RuleSource source, Map<String, Double> settings) {
        String[] lines = source.content().split("\r?\n", -1);
        for (int index = 0; index < lines.length; index++) {
            String line = lines[index];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new RuleFileException(source.name(), index + 1, "expected key = number");
            }
            String key = line.substring(0, equals).strip();
            String value = line.substring(equals + 1).strip();
            try {
                settings.put(key, Double.parseDouble(value));
            } catch (NumberFormatException e) {
                throw new RuleFileException(source.name(), index + 1, "not a number: " + value);
            }
        }
    }
}
