package se.kommun.moderation.cases.diarium.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * One entry of the public e-diary (OSL 5:2 on the web). Municipal e-diaries name no private person
 * and describe a comment neutrally by where it came and what kind it is: its text stays in the
 * registrar's entry, and a threat's text is no brief description. A secret entry shows only that it
 * is secret and under which provision.
 */
public record PublicDiaryEntry(String diaryNumber, Instant receivedAt, Instant registeredAt, String sender,
        String description, boolean secret, String secrecyProvision, String status) {

    public static final String PRIVATE_PERSON = "Privatperson";
    static final String MANUAL = "manual";

    private static final Map<String, String> PLATFORMS = Map.of("facebook", "Facebook", "instagram", "Instagram",
            "x", "X", "linkedin", "LinkedIn", "youtube", "YouTube", "blog", "bloggen", "web", "webbplatsen");

    /** What a registered case shows the public; {@code platform} is "manual" for a registrar's own entry. */
    public static PublicDiaryEntry of(String diaryNumber, Instant receivedAt, Instant registeredAt, String route,
            String subtype, String platform, String sender, boolean senderIsPrivate, String description,
            boolean secret, String secrecyProvision, String status) {
        if (secret) {
            return new PublicDiaryEntry(diaryNumber, receivedAt, registeredAt, null,
                    "Sekretessmarkerad handling (" + secrecyProvision + ")", true, secrecyProvision, status);
        }
        boolean manual = MANUAL.equals(platform);
        String publicSender = sender == null ? null : senderIsPrivate || !manual ? PRIVATE_PERSON : sender;
        String publicDescription = manual ? description : describe(route, subtype, platform);
        return new PublicDiaryEntry(diaryNumber, receivedAt, registeredAt, publicSender, publicDescription, false,
                null, status);
    }

    /** "Kommentar på Facebook – misstänkt brott": built from route, subtype and platform only. */
    static String describe(String route, String subtype, String platform) {
        String where = PLATFORMS.getOrDefault(platform == null ? "" : platform.toLowerCase(Locale.ROOT), "sociala medier");
        return "Kommentar på " + where + " – " + kind(route, subtype);
    }

    private static String kind(String route, String subtype) {
        return switch (route) {
            case "CRIMINAL" -> "misstänkt brott";
            case "CONFIDENTIAL" -> "uppgifter som kan omfattas av sekretess";
            case "COMPLAINT" -> switch (subtype == null ? "" : subtype) {
                case "new_case" -> "anmälan eller begäran";
                case "ongoing_case" -> "inlaga i pågående ärende";
                default -> "synpunkt eller klagomål";
            };
            default -> "inkommen kommentar";
        };
    }
}
