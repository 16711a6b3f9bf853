package se.kommun.moderation.ingest.youtube.domain;

import java.io.IOException;

/** The WebSub hub, as far as a subscriber talks to it. */
public interface WebSubHub {

    /**
     * Sends one (un)subscription request.
     *
     * @return the hub's HTTP status: 202 (it will verify with us) or 204 (verified) mean accepted
     * @throws IOException when the hub did not answer in time
     */
    int send(WebSubRequest request) throws IOException;
}
