package se.kommun.moderation.cases.diarium.rest;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import se.kommun.moderation.cases.diarium.persistence.CaseEntity;

/**
 * The public diary: what OSL 5:2 requires of each entry — date received, diary number, sender and a
 * brief description — with sender and description withheld where the entry is secret.
 */
@Path("/diarium")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class DiariumResource {

    static final int MAX_PAGE_SIZE = 200;

    public record PublicEntry(String diaryNumber, Instant receivedAt, Instant registeredAt, String sender,
            String description, boolean secret, String secrecyProvision, String status) {

        static PublicEntry of(CaseEntity c) {
            return c.secret
                    ? new PublicEntry(c.diaryNumber, c.receivedAt, c.registeredAt, null,
                            "Sekretessmarkerad handling (" + c.secrecyProvision + ")", true, c.secrecyProvision,
                            c.status)
                    : new PublicEntry(c.diaryNumber, c.receivedAt, c.registeredAt, c.sender, c.description, false,
                            null, c.status);
        }
    }

    @GET
    @Transactional
    public List<PublicEntry> list(@QueryParam("year") Integer year, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadRequestException("page must be >= 0 and size within 1.." + MAX_PAGE_SIZE);
        }
        Sort newestFirst = Sort.descending("registeredAt").and("seq", Sort.Direction.Descending);
        var query = year == null ? CaseEntity.<CaseEntity>findAll(newestFirst)
                : CaseEntity.<CaseEntity>find("year", newestFirst, year);
        return query.page(Page.of(page, size)).list().stream().map(PublicEntry::of).toList();
    }
}
