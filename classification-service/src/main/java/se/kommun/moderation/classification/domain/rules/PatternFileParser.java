package se.kommun.moderation.classification.domain.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads pattern files (regular expressions, for shapes a word list cannot express: diary numbers,
 * links). One section per named pattern; each line is one alternative; all alternatives of a name
 * are compiled once into a single pattern, matched against the ORIGINAL text. Case-sensitive
 * unless a line says {@code (?i)}: registry prefixes are capitals, dates are not diary numbers.
 * <pre>
 * [diary_number]
 * \b(?:dnr|diarienr)\.?:?\s*\d{2,4}[/-]\d{1,6}\b
 * </pre>
 */
public final class PatternFileParser {

    private PatternFileParser() {
    }

    /** Adds this file's alternatives to {@code alternatives} (name → regex lines). */
    public static void parse(RuleSource source, Map<String, List<String>> alternatives) {
        String section = null;
        String[] lines = source.content().split("\r?\n", -1);
        for (int index = 0; index < lines.length; index++) {
            String line = lines[index].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]") && line.matches("\\[[a-z][a-z0-9_]*]")) {
                section = line.substring(1, line.length() - 1);
                continue;
            }
            if (section == null) {
                throw new RuleFileException(source.name(), index + 1, "a pattern before the first [section]");
            }
            try {
                Pattern.compile(line);
            } catch (PatternSyntaxException e) {
                throw new RuleFileException(source.name(), index + 1, "not a valid pattern: " + e.getDescription());
            }
            alternatives.computeIfAbsent(section, k -> new ArrayList<>()).add(line);
        }
    }

    /** One pattern per name: the alternatives joined with '|'. */
    public static Map<String, Pattern> compile(Map<String, List<String>> alternatives) {
        Map<String, Pattern> compiled = new LinkedHashMap<>();
        alternatives.forEach((name, lines) -> {
            StringBuilder joined = new StringBuilder();
            for (String line : lines) {
                if (joined.length() > 0) {
                    joined.append('|');
                }
                joined.append("(?:").append(line).append(')');
            }
            compiled.put(name, Pattern.compile(joined.toString()));
        });
        return compiled;
    }
}
