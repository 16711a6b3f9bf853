package se.kommun.moderation.classification.feedback.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import se.kommun.moderation.classification.feedback.domain.QualityReport;
import se.kommun.moderation.classification.feedback.domain.QualityTally;
import se.kommun.moderation.classification.feedback.persistence.FeedbackRepository;

/** The classifier's agreement with the moderators, per detector. */
@Path("/quality")
@Produces(MediaType.APPLICATION_JSON)
public class QualityResource {

    private final FeedbackRepository repository;

    QualityResource(FeedbackRepository repository) {
        this.repository = repository;
    }

    @GET
    @RolesAllowed({"moderator", "admin"})
    @Operation(summary = "Agreement of the classifier with moderators' confirmations and overrides: overall, per "
            + "route and per detector, with a confusion summary per route (the latest decision per classification)")
    public QualityReport quality(
            @Parameter(description = "only classifications made under this rule set (e.g. rs-0123456789abcdef)")
            @QueryParam("ruleSetVersion") String ruleSetVersion) throws SQLException {
        String version = ruleSetVersion == null || ruleSetVersion.isBlank() ? null : ruleSetVersion.strip();
        return QualityTally.report(version, repository.tally(version), repository.ruleSetVersions());
    }
}
