package se.kommun.moderation.cases.diarium.domain;

import se.kommun.moderation.cases.diarium.persistence.CaseEntity;

/**
 * The outcome of registering a comment: the case it is filed in, and whether the case was opened
 * for it (false when it joined an ongoing case).
 */
public record Registration(CaseEntity registeredCase, boolean opened) {
}
