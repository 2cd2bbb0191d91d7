package eventdesk.event;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.time.Duration;

/** A duration stored as its ISO-8601 text ({@code P3D} is kept as {@code PT72H}), the same on every database. */
@Converter
public class IsoDuration implements AttributeConverter<Duration, String> {

    @Override
    public String convertToDatabaseColumn(Duration d) {
        return d == null ? null : d.toString();
    }

    @Override
    public Duration convertToEntityAttribute(String s) {
        return s == null ? null : Duration.parse(s);
    }
}
