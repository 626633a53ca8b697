package org.jijukirwa.dashboard.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /** An object of numbers as a sorted map: field name -> value. */
    public static Map<String, Long> counts(JsonNode node)
    {
        Map<String, Long> counts = new TreeMap<>();
        node.fields().forEachRemaining(entry -> counts.put(entry.getKey(), entry.getValue().asLong()));
        return counts;
    }

    /** An object's field names, in document order. */
    public static List<String> fieldNames(JsonNode node)
    {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
