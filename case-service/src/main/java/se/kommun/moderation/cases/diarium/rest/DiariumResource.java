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
import se.kommun.moderation.cases.diarium.domain.PublicDiaryEntry;
import se.kommun.moderation.cases.diarium.persistence.CaseEntity;

/**
 * The public diary: what OSL 5:2 requires of each entry — date received, diary number, sender and a
 * brief description — as {@link PublicDiaryEntry} shows them to anyone; the registrar's full entry
 * is at {@code /cases}.
 */
@Path("/diarium")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class DiariumResource {

    static final int MAX_PAGE_SIZE = 200;

    @GET
    @Transactional
    public List<PublicDiaryEntry> list(@QueryParam("year") Integer year, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadRequestException("page must be >= 0 and size within 1.." + MAX_PAGE_SIZE);
        }
        Sort newestFirst = Sort.descending("registeredAt").and("seq", Sort.Direction.Descending);
        var query = year == null ? CaseEntity.<CaseEntity>findAll(newestFirst)
                : CaseEntity.<CaseEntity>find("year", newestFirst, year);
        return query.page(Page.of(page, size)).list().stream().map(DiariumResource::publicEntry).toList();
    }

    private static PublicDiaryEntry publicEntry(CaseEntity c) {
        return PublicDiaryEntry.of(c.diaryNumber, c.receivedAt, c.registeredAt, c.route, c.subtype, c.platform, c.sender,
                c.senderIsPrivate, c.description, c.secret, c.secrecyProvision, c.status);
    }
}
