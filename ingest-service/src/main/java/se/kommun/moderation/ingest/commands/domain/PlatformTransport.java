package se.kommun.moderation.ingest.commands.domain;

/** Makes one HTTP call. */
@FunctionalInterface
public interface PlatformTransport {

    PlatformResponse send(PlatformRequest request) throws TransportException;
}
