package se.kommun.moderation.cases.desk.rest;

import jakarta.ws.rs.BadRequestException;
import java.util.Arrays;
import java.util.Locale;

/** Request parameter parsing with a 400 that names the allowed values. */
public final class Params {

    private Params() {
    }

    public static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String name) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(name + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
