package se.kommun.moderation.cases.desk.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** Who is acting: the authenticated user's name, for the audit trail. */
@RequestScoped
public class Actor {

    @Inject
    SecurityIdentity identity;

    public String name() {
        return identity.getPrincipal().getName();
    }
}
