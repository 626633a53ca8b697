package org.jijukirwa.generator;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Minimal JSON writing (the module has no dependencies): strings, numbers, booleans, lists and ordered maps. */
final class JsonText
{
    private JsonText()
    {
    }

    static void appendString(StringBuilder out, String text)
    {
        out.append('"');
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            switch (character) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (character < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) character));
                    }
                    else {
                        out.append(character);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Pretty-printed JSON of nested maps (in their iteration order), lists, strings, numbers and booleans. */
    static String pretty(Object value)
    {
        StringBuilder out = new StringBuilder();
        appendValue(out, value, 0);
        return out.append('\n').toString();
    }

    private static void appendValue(StringBuilder out, Object value, int depth)
    {
        if (value == null) {
            out.append("null");
        }
        else if (value instanceof String text) {
            appendString(out, text);
        }
        else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        }
        else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            int written = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                indent(out, depth + 1);
                appendString(out, entry.getKey().toString());
                out.append(": ");
                appendValue(out, entry.getValue(), depth + 1);
                out.append(++written < map.size() ? ",\n" : "\n");
            }
            indent(out, depth);
            out.append('}');
        }
        else if (value instanceof List<?> list) {
            out.append('[');
            for (int index = 0; index < list.size(); index++) {
                if (index > 0) {
                    out.append(", ");
                }
                appendValue(out, list.get(index), depth + 1);
            }
            out.append(']');
        }
        else {
            throw new IllegalArgumentException("cannot write " + value.getClass() + " as JSON");
        }
    }

    private static void indent(StringBuilder out, int depth)
    {
        out.append("  ".repeat(depth));
    }
}
