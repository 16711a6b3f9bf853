package se.kommun.moderation.archive.evidence.domain;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.kommun.moderation.events.CommentKey;
import se.kommun.moderation.events.Platform;

/**
 * Which hosts a comment's permalink page may be loaded from, per the comment's platform: the
 * platform's own page and CDN hosts (defaults below, replaceable per platform), and for web and
 * blog comments the hosts configured for that account (the municipality's own site). The comment
 * key says the platform and account; the permalink itself is never trusted to say where it may go.
 */
public final class EgressHosts {

    /** Each platform's page and CDN hosts; each entry also covers its subdomains. */
    public static final Map<Platform, List<String>> PLATFORM_DEFAULTS = Map.of(
            Platform.FACEBOOK, List.of("facebook.com", "fbcdn.net", "facebook.net", "fbsbx.com"),
            Platform.INSTAGRAM, List.of("instagram.com", "cdninstagram.com", "fbcdn.net"),
            Platform.X, List.of("x.com", "twitter.com", "twimg.com"),
            Platform.LINKEDIN, List.of("linkedin.com", "licdn.com"),
            Platform.YOUTUBE, List.of("youtube.com", "ytimg.com", "ggpht.com", "googlevideo.com", "gstatic.com"));

    /** Platforms whose pages live wherever the account is: their hosts are configured per account. */
    private static final Set<Platform> SITE_PLATFORMS = Set.of(Platform.WEB, Platform.BLOG);

    private final Map<Platform, List<AllowedHost>> platforms = new EnumMap<>(Platform.class);
    private final Map<String, List<AllowedHost>> accounts = new HashMap<>();
    private final HostResolver resolver;

    /**
     * @param platformOverrides platform id → entries replacing that platform's defaults
     * @param accountHosts web/blog account id → entries for that account's pages
     * @throws IllegalArgumentException naming the unknown platform or the entry that cannot be read
     */
    public EgressHosts(Map<String, List<String>> platformOverrides, Map<String, List<String>> accountHosts,
            HostResolver resolver) {
        this.resolver = resolver;
        PLATFORM_DEFAULTS.forEach((platform, entries) -> platforms.put(platform, parse(entries)));
        platformOverrides.forEach((id, entries) -> platforms.put(Platform.fromId(id), parse(entries)));
        accountHosts.forEach((account, entries) -> accounts.put(account, parse(entries)));
    }

    public static EgressHosts defaults() {
        return new EgressHosts(Map.of(), Map.of(), HostResolver.system());
    }

    /** The policy for one comment's capture; a key that cannot be read allows nothing. */
    public EgressPolicy policyFor(String commentKey) {
        CommentKey key;
        try {
            key = CommentKey.parse(commentKey);
        } catch (IllegalArgumentException | NullPointerException e) {
            return EgressPolicy.nothing("a comment whose key cannot be read");
        }
        if (SITE_PLATFORMS.contains(key.platform())) {
            return new EgressPolicy(key.platform().id() + " account " + HostNames.shown(key.accountId()),
                    accounts.getOrDefault(key.accountId(), List.of()), resolver);
        }
        return new EgressPolicy(key.platform().id(), platforms.getOrDefault(key.platform(), List.of()), resolver);
    }

    private static List<AllowedHost> parse(List<String> entries) {
        return entries.stream().filter(e -> !e.isBlank()).map(AllowedHost::parse).toList();
    }
}
