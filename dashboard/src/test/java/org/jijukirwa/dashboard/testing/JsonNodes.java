package org.jijukirwa.dashboard.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Views of API JSON that read well in assertions. */
public final class JsonNodes
{
    private JsonNodes()
    {
    }

    /** Each element's fields joined by a space. */
    public static List<String> texts(JsonNode array, String... fields)
    {
        List<String> texts = new ArrayList<>();
        for (JsonNode element : array) {
            List<String> values = new ArrayList<>();
            for (String field : fields) {
                values.add(element.get(field).asText());
            }
            texts.add(String.join(" ", values));
        }
        return texts;
    }

    /** An object's field names, in document order. */
    public static List<String> fieldNames(JsonNode node)
    {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
