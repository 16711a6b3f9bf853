package se.kommun.moderation.classification.domain.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.kommun.moderation.classification.domain.normalize.TextNormalizer;
import se.kommun.moderation.classification.domain.text.TokenKind;
import se.kommun.moderation.classification.domain.text.Tokenizer;
import se.kommun.moderation.classification.domain.text.Tokens;

/**
 * Reads lexicon files. The format is meant for a reviewer without programming:
 * <pre>
 * # a comment                  (also after two spaces at the end of a line)
 * [harm weight=1.0]            a section: the concept its lines are evidence for, and their weight
 * döda*                        one phrase per line ("*" and ".." as in {@link PatternToken})
 * göra illa .. | 0.6           a line may carry its own weight after '|'
 * =här                        spelled exactly so (å/ä/ö count): "här", not "har"
 * -slå                         in an override file: remove this phrase from the concept
 * [idiom masks=harm,weapon]    hits of this concept cancel overlapping hits of the listed concepts
 * </pre>
 */
public final class LexiconParser {

    private static final Pattern INLINE_COMMENT = Pattern.compile("\\s{2,}#");

    /** What a lexicon file contributes: entries, removals, and options per concept. */
    public record Parsed(List<LexiconEntry> entries, List<LexiconEntry> removals, Map<String, Set<String>> masks) {
    }

    private LexiconParser() {
    }

    public static Parsed parse(RuleSource source) {
        List<LexiconEntry> entries = new ArrayList<>();
        List<LexiconEntry> removals = new ArrayList<>();
        Map<String, Set<String>> masks = new LinkedHashMap<>();
        String concept = null;
        double sectionWeight = 1.0;
        String[] lines = source.content().split("\r?\n", -1);
        for (int index = 0; index < lines.length; index++) {
            int lineNumber = index + 1;
            String line = stripComment(lines[index]).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    throw new RuleFileException(source.name(), lineNumber, "a section header must end with ']'");
                }
                String[] parts = line.substring(1, line.length() - 1).strip().split("\\s+");
                concept = parts[0];
                if (!concept.matches("[a-z][a-z0-9_]*")) {
                    throw new RuleFileException(source.name(), lineNumber,
                            "a concept name is lower case letters, digits and '_'");
                }
                sectionWeight = 1.0;
                for (int p = 1; p < parts.length; p++) {
                    String option = parts[p];
                    if (option.startsWith("weight=")) {
                        sectionWeight = parseWeight(option.substring(7), source, lineNumber);
                    } else if (option.startsWith("masks=")) {
                        masks.computeIfAbsent(concept, k -> new LinkedHashSet<>())
                                .addAll(List.of(option.substring(6).split(",")));
                    } else {
                        throw new RuleFileException(source.name(), lineNumber, "unknown section option " + option);
                    }
                }
                continue;
            }
            if (concept == null) {
                throw new RuleFileException(source.name(), lineNumber, "a phrase before the first [section]");
            }
            boolean removal = line.startsWith("-") && line.length() > 1 && !Character.isWhitespace(line.charAt(1));
            String phrase = removal ? line.substring(1) : line;
            double weight = sectionWeight;
            int bar = phrase.lastIndexOf('|');
            if (bar >= 0) {
                weight = parseWeight(phrase.substring(bar + 1).strip(), source, lineNumber);
                phrase = phrase.substring(0, bar).strip();
            }
            List<PatternToken> tokens = patternTokens(phrase, source, lineNumber);
            LexiconEntry entry = new LexiconEntry(concept, tokens, weight, source.name(), lineNumber, phrase);
            (removal ? removals : entries).add(entry);
        }
        return new Parsed(entries, removals, masks);
    }

    /** '#' first on a line, or after two or more spaces, starts a comment; "rum #" is a number. */
    private static String stripComment(String line) {
        if (line.stripLeading().startsWith("#")) {
            return "";
        }
        Matcher comment = INLINE_COMMENT.matcher(line);
        return comment.find() ? line.substring(0, comment.start()) : line;
    }

    private static double parseWeight(String text, RuleSource source, int line) {
        try {
            double weight = Double.parseDouble(text);
            if (weight < 0 || weight > 1) {
                throw new RuleFileException(source.name(), line, "a weight is between 0 and 1");
            }
            return weight;
        } catch (NumberFormatException e) {
            throw new RuleFileException(source.name(), line, "not a weight: " + text);
        }
    }

    static List<PatternToken> patternTokens(String phrase, RuleSource source, int line) {
        List<PatternToken> tokens = new ArrayList<>();
        for (String raw : phrase.split("\\s+")) {
            if (raw.equals("..")) {
                tokens.add(PatternToken.gap(3));
                continue;
            }
            if (raw.equals("#")) {
                tokens.add(PatternToken.of(PatternToken.Kind.NUMBER, "#"));
                continue;
            }
            if (raw.equals("...")) {
                tokens.add(PatternToken.gap(8));
                continue;
            }
            String strict = null;
            if (raw.startsWith("=") && raw.length() > 1) {
                raw = raw.substring(1);
                strict = raw.toLowerCase(java.util.Locale.ROOT);
                if (raw.contains("*") || raw.contains("-")) {
                    throw new RuleFileException(source.name(), line, "'=' needs a plain word");
                }
            }
            boolean leadingStar = raw.startsWith("*");
            boolean trailingStar = raw.endsWith("*") && raw.length() > 1;
            String core = raw.substring(leadingStar ? 1 : 0, raw.length() - (trailingStar ? 1 : 0));
            if (core.contains("*")) {
                throw new RuleFileException(source.name(), line, "'*' only at the start or end of a word");
            }
            Tokens folded = Tokenizer.tokenize(TextNormalizer.normalize(core));
            int wordCount = 0;
            for (int t = 0; t < folded.size(); t++) {
                if (folded.kind(t) != TokenKind.MENTION) {
                    wordCount++;
                }
            }
            int seen = 0;
            for (int t = 0; t < folded.size(); t++) {
                if (folded.kind(t) == TokenKind.MENTION) {
                    continue;
                }
                boolean first = seen == 0;
                boolean last = seen == wordCount - 1;
                seen++;
                boolean prefix = last && trailingStar;
                boolean suffix = first && leadingStar;
                PatternToken.Kind kind = prefix && suffix ? PatternToken.Kind.INFIX
                        : prefix ? PatternToken.Kind.PREFIX
                        : suffix ? PatternToken.Kind.SUFFIX
                        : PatternToken.Kind.EXACT;
                tokens.add(new PatternToken(kind, folded.folded(t), 0, strict));
            }
        }
        boolean gaps = tokens.stream().anyMatch(token -> token.kind() == PatternToken.Kind.GAP);
        if (gaps && tokens.stream().anyMatch(token -> token.strict() != null)) {
            throw new RuleFileException(source.name(), line, "'=' cannot be combined with '..'");
        }
        if (tokens.isEmpty() || tokens.get(0).kind() == PatternToken.Kind.GAP
                || tokens.get(tokens.size() - 1).kind() == PatternToken.Kind.GAP) {
            throw new RuleFileException(source.name(), line, "a phrase needs a word, and cannot start or end with ..");
        }
        return tokens;
    }
}
