package se.kommun.moderation.cases.crisis.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import se.kommun.moderation.cases.audit.domain.AuditTrail;
import se.kommun.moderation.cases.crisis.persistence.CrisisEntity;
import se.kommun.moderation.cases.desk.domain.DeskRuleException;
import se.kommun.moderation.cases.desk.persistence.DeskCommentEntity;

/**
 * Crisis mode: a named crisis covers accounts for a time window; every comment on them within it is
 * tagged, and the digest compiles what crisis management needs.
 */
@ApplicationScoped
public class CrisisDesk {

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Transactional
    public CrisisEntity start(String name, Set<String> accounts, Instant startsAt, Instant endsAt, String actor) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        if (accounts == null || accounts.isEmpty()) {
            throw new IllegalArgumentException("accounts must name at least one \"platform:accountId\"");
        }
        for (String account : accounts) {
            if (!account.matches("[a-z]+:[^,\\s]+")) {
                throw new IllegalArgumentException("an account is \"platform:accountId\", got \"" + account + "\"");
            }
        }
        if (endsAt != null && !endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("endsAt must be after startsAt");
        }
        CrisisEntity crisis = new CrisisEntity();
        crisis.id = UUID.randomUUID();
        crisis.name = name.strip();
        crisis.accounts = accounts.stream().sorted().collect(Collectors.joining(","));
        crisis.startsAt = startsAt;
        crisis.endsAt = endsAt;
        crisis.startedBy = actor;
        crisis.createdAt = Instant.now();
        crisis.persist();
        audit.record(null, null, "crisis " + crisis.id, "started: " + crisis.name, actor, null);
        // Comments already on the desk that fall in the window belong to it as well.
        DeskCommentEntity.<DeskCommentEntity>list("receivedAt >= ?1", startsAt).forEach(comment -> tag(crisis, comment));
        return crisis;
    }

    @Transactional
    public CrisisEntity stop(UUID id, String actor) {
        CrisisEntity crisis = CrisisEntity.findById(id);
        if (crisis == null) {
            throw DeskRuleException.notFound("no crisis " + id);
        }
        if (crisis.stoppedAt != null) {
            throw DeskRuleException.conflict("crisis " + id + " was already stopped");
        }
        Instant now = Instant.now();
        crisis.stoppedAt = now;
        crisis.stoppedBy = actor;
        if (crisis.endsAt == null || crisis.endsAt.isAfter(now)) {
            crisis.endsAt = now;
        }
        audit.record(null, null, "crisis " + crisis.id, "stopped", actor, null);
        return crisis;
    }

    /** Tags a comment with every running crisis that covers it. */
    @Transactional(TxType.MANDATORY)
    public void tagIfCovered(DeskCommentEntity comment) {
        CrisisEntity.<CrisisEntity>list("stoppedAt is null or endsAt > ?1", comment.receivedAt)
                .forEach(crisis -> tag(crisis, comment));
    }

    private void tag(CrisisEntity crisis, DeskCommentEntity comment) {
        if (crisis.covers(comment.platform + ':' + comment.accountId, comment.receivedAt)) {
            em.createNativeQuery("INSERT INTO crisis_comment (crisis_id, comment_key) VALUES (:c, :k) "
                    + "ON CONFLICT DO NOTHING").setParameter("c", crisis.id).setParameter("k", comment.commentKey)
                    .executeUpdate();
        }
    }

    @Transactional
    public CrisisDigest digest(UUID id, int latest, int questions) {
        CrisisEntity crisis = CrisisEntity.findById(id);
        if (crisis == null) {
            throw DeskRuleException.notFound("no crisis " + id);
        }
        List<DeskCommentEntity> comments = DeskCommentEntity.list(
                "commentKey in (select c.commentKey from CrisisCommentEntity c where c.crisisId = ?1) "
                        + "order by receivedAt desc", id);
        Map<String, Long> perRoute = new LinkedHashMap<>();
        for (String route : List.of("CRIMINAL", "CONFIDENTIAL", "COMPLAINT", "TRIVIAL")) {
            perRoute.put(route, comments.stream().filter(c -> c.route.equals(route)).count());
        }
        List<CrisisDigest.Question> frequent = comments.stream()
                .filter(CrisisDigest::isPublicQuestion)
                .collect(Collectors.groupingBy(c -> CrisisDigest.questionKey(c.text), LinkedHashMap::new,
                        Collectors.toList()))
                .values().stream()
                .map(group -> new CrisisDigest.Question(group.get(group.size() - 1).text.strip(), group.size(),
                        group.get(0).receivedAt))
                .sorted(Comparator.comparingLong(CrisisDigest.Question::count).reversed()
                        .thenComparing(CrisisDigest.Question::latestAt, Comparator.reverseOrder()))
                .limit(questions).toList();
        List<CrisisDigest.Item> newest = comments.stream().limit(latest).map(CrisisDigest.Item::of).toList();
        return new CrisisDigest(crisis.id, crisis.name, crisis.accountSet().stream().sorted().toList(),
                crisis.startsAt, crisis.endsAt, comments.size(), perRoute, frequent, newest);
    }
}
