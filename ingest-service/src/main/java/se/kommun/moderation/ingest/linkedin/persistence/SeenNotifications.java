package se.kommun.moderation.ingest.linkedin.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** LinkedIn notification ids already delivered to the broker. */
@ApplicationScoped
public class SeenNotifications {

    @Inject
    EntityManager em;

    @Transactional
    @SuppressWarnings("unchecked")
    public Set<String> seenAmong(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<String> seen = em.createNativeQuery(
                        "SELECT notification_id FROM linkedin_notification WHERE notification_id = ANY(:ids)")
                .setParameter("ids", ids.toArray(String[]::new)).getResultList();
        return new HashSet<>(seen);
    }

    /** Remembered only after the broker acknowledged them, so a failed publish is retried in full. */
    @Transactional
    public void remember(Collection<String> ids, Instant when) {
        for (String id : ids) {
            em.createNativeQuery("INSERT INTO linkedin_notification (notification_id, first_seen) VALUES (:id, :at) "
                            + "ON CONFLICT (notification_id) DO NOTHING")
                    .setParameter("id", id).setParameter("at", when).executeUpdate();
        }
    }
}
