package se.kommun.moderation.cases.quality.domain;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import se.kommun.moderation.cases.quality.persistence.ModeratorLabelEntity;

/**
 * The moderators' labels still fit for training, in decision order, a page at a time. Culled
 * records (their text is gone) and comments edited after the decision are left out.
 */
@ApplicationScoped
public class LabelExport {

    public static final int PAGE_SIZE = 500;

    /** A page of labels and, when more follow, where the next page starts. */
    public record Page(List<ModeratorLabelEntity> labels, Optional<ExportCursor> next) {
    }

    /**
     * @param since only decisions made at or after it
     * @param changedOnly only decisions whose route differs from the classifier's
     * @param after the cursor of the previous page
     */
    @Transactional(TxType.MANDATORY)
    public Page page(Optional<Instant> since, boolean changedOnly, Optional<ExportCursor> after) {
        StringBuilder query = new StringBuilder(
                "culledAt is null and editedAt is null and text is not null and trim(text) <> ''");
        Parameters parameters = new Parameters();
        if (since.isPresent()) {
            query.append(" and decidedAt >= :since");
            parameters.and("since", since.get());
        }
        if (changedOnly) {
            query.append(" and route <> classifierRoute");
        }
        if (after.isPresent()) {
            query.append(" and (decidedAt > :afterAt or (decidedAt = :afterAt and commentKey > :afterKey))");
            parameters.and("afterAt", after.get().decidedAt()).and("afterKey", after.get().commentKey());
        }
        query.append(" order by decidedAt, commentKey");
        // One more than a page: whether a next page exists without counting the whole table.
        List<ModeratorLabelEntity> rows = ModeratorLabelEntity.<ModeratorLabelEntity>find(query.toString(), parameters)
                .range(0, PAGE_SIZE).list();
        if (rows.size() <= PAGE_SIZE) {
            return new Page(rows, Optional.empty());
        }
        List<ModeratorLabelEntity> page = rows.subList(0, PAGE_SIZE);
        ModeratorLabelEntity last = page.get(PAGE_SIZE - 1);
        return new Page(page, Optional.of(new ExportCursor(last.decidedAt, last.commentKey)));
    }
}
