package se.kommun.moderation.cases.diarium.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.kommun.moderation.cases.audit.domain.AuditTrail.AuditEntry;
import se.kommun.moderation.cases.tasks.rest.TaskView;

/** A case with its documents, tasks, removals, platform commands and audit trail. */
public record CaseDetail(CaseView registered, List<Document> documents, List<TaskView> tasks, List<Removal> removals,
        List<Command> commands, List<AuditEntry> audit) {

    public record Document(String commentKey, Instant receivedAt, Instant registeredAt, String sender,
            String description, boolean secret) {
    }

    public record Removal(String commentKey, String action, String state, boolean automatic, String confirmedBy,
            UUID evidenceBundleId, UUID commandId, String outcome) {
    }

    public record Command(UUID commandId, String idempotencyKey, String commentKey, String action, String state,
            String issuedBy, Instant issuedAt, Integer attempts, Integer platformStatus, String platformMessage) {
    }
}
