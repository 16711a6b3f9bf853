package se.kommun.moderation.cases.diarium.domain;

import java.util.Map;

/**
 * Which OSL provision a confidential comment's secrecy marking cites, by subtype (e.g.
 * social_services → OSL 26:1). A subtype without a provision gets the default, which tells the
 * registrar that the secrecy must be assessed.
 */
public final class SecrecyMarking {

    private final Map<String, String> provisions;
    private final String defaultProvision;

    public SecrecyMarking(Map<String, String> provisions, String defaultProvision) {
        this.provisions = Map.copyOf(provisions);
        this.defaultProvision = defaultProvision;
    }

    public String provisionFor(String subtype) {
        return subtype == null ? defaultProvision : provisions.getOrDefault(subtype, defaultProvision);
    }
}
