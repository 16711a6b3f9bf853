package se.kommun.moderation.events;

/** What an evidence artefact is. */
public enum EvidenceKind {
    /** A full-page PNG of the comment's permalink, taken with headless Chromium. */
    SCREENSHOT_PNG,
    /** A PDF/A-2b rendition of the record as we stored it, with its thread context. */
    PDFA_RENDITION
}
