package org.jijukirwa.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Streams the records of a JSON Lines text: one object per line, blank lines
 * skipped. A value may be a string, a number (kept as written), a boolean
 * ({@code true}/{@code false}) or null (missing). A line that is not one JSON
 * object is malformed; so is an array or object as the value of a key the
 * record uses ({@code isUsedKey}), while nested values of other keys are skipped.
 */
public final class JsonLinesRecordParser
{
    private static final JsonFactory JSON = new JsonFactory();

    private final BufferedReader reader;
    private long line;

    public JsonLinesRecordParser(BufferedReader reader)
    {
        this.reader = requireNonNull(reader, "reader is null");
    }

    /** One line of the file that holds something. */
    public record JsonLine(long line, String rawText)
    {
    }

    public JsonLine next()
            throws IOException
    {
        String text = reader.readLine();
        line++;
        while (text != null && text.isBlank()) {
            text = reader.readLine();
            line++;
        }
        return text == null ? null : new JsonLine(line, text);
    }

    /** Key -> value of one JSON object (null for null and for skipped nested values); empty when the text is not one JSON object. */
    public static Optional<Map<String, String>> parseObject(String text, KeyFilter isUsedKey)
    {
        Map<String, String> values = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                if (token != JsonToken.FIELD_NAME) {
                    return Optional.empty();
                }
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (value) {
                    case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> values.put(key, parser.getText());
                    case VALUE_TRUE -> values.put(key, "true");
                    case VALUE_FALSE -> values.put(key, "false");
                    case VALUE_NULL -> values.put(key, null);
                    case START_OBJECT, START_ARRAY -> {
                        if (isUsedKey.test(key)) {
                            return Optional.empty();
                        }
                        parser.skipChildren();
                        values.put(key, null);
                    }
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            if (parser.nextToken() != null) {
                return Optional.empty();
            }
            return Optional.of(values);
        }
        catch (IOException | RuntimeException e) {
            // Jackson reports broken JSON as a JsonParseException (an IOException); null tokens end the loop above.
            return Optional.empty();
        }
    }

    /** Whether a key of a JSON object feeds a contract column. */
    @FunctionalInterface
    public interface KeyFilter
    {
        boolean test(String key);
    }
}
