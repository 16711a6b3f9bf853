package se.kommun.moderation.ingest.delivery.rest;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;
import se.kommun.moderation.ingest.delivery.domain.DeliveryIntake.Outcome;

/**
 * Writes a delivery's counts, the answer to every accepted webhook request, straight into the
 * response. They are four numbers and a constant; through the generic JSON writer (an entity-writer
 * lookup, bean serialisation and a blocking output stream per request) the answer cost more CPU
 * than verifying the signature and mapping the body together.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class OutcomeWriter implements ServerMessageBodyWriter<Outcome> {

    static byte[] json(Outcome outcome) {
        return ("{\"published\":" + outcome.published() + ",\"skipped\":" + outcome.skipped()
                + ",\"quarantined\":" + outcome.quarantined() + ",\"refusal\":\"" + outcome.refusal().name() + "\"}")
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo target,
            MediaType mediaType) {
        return type == Outcome.class;
    }

    @Override
    public void writeResponse(Outcome outcome, Type genericType, ServerRequestContext context) {
        context.serverResponse().end(json(outcome));
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == Outcome.class;
    }

    @Override
    public void writeTo(Outcome outcome, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream entityStream)
            throws IOException {
        entityStream.write(json(outcome));
    }
}
