package se.kommun.moderation.ingest.web.domain;

/** The body was signed correctly but is not a web comment; the message says why (never what it said). */
public class InvalidWebCommentException extends RuntimeException {

    public InvalidWebCommentException(String reason) {
        super(reason);
    }
}
