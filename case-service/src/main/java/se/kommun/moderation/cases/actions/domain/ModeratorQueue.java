package se.kommun.moderation.cases.actions.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import se.kommun.moderation.cases.actions.persistence.RemovalEntity;
import se.kommun.moderation.cases.desk.persistence.DeskCommentEntity;
import se.kommun.moderation.cases.tasks.domain.TaskKind;
import se.kommun.moderation.cases.tasks.domain.TaskStatus;
import se.kommun.moderation.cases.tasks.persistence.TaskEntity;

/**
 * What is in front of the moderators: removals not yet done (waiting for a person, for evidence or
 * for the platform, or failed) oldest first, open tasks by deadline (reviews among them), and the
 * comments they concern.
 * One read for the JSON queue and the dashboard alike.
 */
@ApplicationScoped
public class ModeratorQueue {

    static final List<RemovalState> SHOWN = List.of(RemovalState.AWAITING_CONFIRMATION, RemovalState.FAILED,
            RemovalState.AWAITING_EVIDENCE, RemovalState.COMMANDED);

    public record Snapshot(List<RemovalEntity> removals, List<TaskEntity> tasks,
            Map<String, DeskCommentEntity> comments) {

        /** The open tasks that ask a person to confirm or change a route the classifier was unsure of. */
        public List<TaskEntity> reviews() {
            return tasks.stream().filter(t -> t.kind == TaskKind.REVIEW).toList();
        }

        /** Every other open task. */
        public List<TaskEntity> otherTasks() {
            return tasks.stream().filter(t -> t.kind != TaskKind.REVIEW).toList();
        }
    }

    @Transactional(TxType.MANDATORY)
    public Snapshot read() {
        List<RemovalEntity> removals = RemovalEntity.list("state in ?1 order by createdAt", SHOWN);
        List<TaskEntity> tasks = TaskEntity.list("status in ?1 order by dueAt nulls last, createdAt",
                List.of(TaskStatus.OPEN, TaskStatus.IN_PROGRESS));
        List<String> keys = Stream.concat(removals.stream().map(r -> r.commentKey), tasks.stream().map(t -> t.commentKey))
                .distinct().toList();
        Map<String, DeskCommentEntity> comments = DeskCommentEntity.<DeskCommentEntity>list("commentKey in ?1", keys)
                .stream().collect(Collectors.toMap(c -> c.commentKey, Function.identity()));
        return new Snapshot(removals, tasks, comments);
    }
}
