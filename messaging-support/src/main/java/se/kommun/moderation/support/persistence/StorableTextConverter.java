package se.kommun.moderation.support.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import se.kommun.moderation.events.StorableText;

/**
 * Every text attribute of every entity of a service that indexes this module is written as PostgreSQL
 * can hold it ({@link StorableText}): one character must not lose a comment, a name or a reason.
 */
@Converter(autoApply = true)
public class StorableTextConverter implements AttributeConverter<String, String> {

    @Override
    public String convertToDatabaseColumn(String text) {
        return StorableText.of(text);
    }

    @Override
    public String convertToEntityAttribute(String column) {
        return column;
    }
}
