package se.kommun.moderation.ingest.commands.domain;

import se.kommun.moderation.events.PlatformCommandIssued;

/**
 * A command as the store keeps it between attempts.
 *
 * @param inFlight    an attempt was started and its answer never recorded (the service stopped mid-call)
 * @param lastStatus  the platform's status at the last attempt, if any
 * @param lastMessage the platform's answer at the last attempt, if any
 */
public record StoredCommand(PlatformCommandIssued command, String commentKey, int attempts, boolean inFlight,
        Integer lastStatus, String lastMessage) {
}
