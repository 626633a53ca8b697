package org.jijukirwa.generator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An independent, strict JSON parser for the tests: objects, arrays, strings, numbers (BigDecimal), booleans, null. */
final class JsonTestReader
{
    private final String text;
    private int position;

    private JsonTestReader(String text)
    {
        this.text = text;
    }

    /** Parses one JSON value that must span the whole text; throws IllegalArgumentException otherwise. */
    static Object parse(String text)
    {
        JsonTestReader reader = new JsonTestReader(text);
        reader.skipSpace();
        Object value = reader.value();
        reader.skipSpace();
        if (reader.position != text.length()) {
            throw reader.error("trailing text");
        }
        return value;
    }

    private Object value()
    {
        if (position >= text.length()) {
            throw error("unexpected end");
        }
        char character = text.charAt(position);
        return switch (character) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object()
    {
        Map<String, Object> object = new LinkedHashMap<>();
        position++;
        skipSpace();
        if (peek() == '}') {
            position++;
            return object;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("expected a key");
            }
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            object.put(key, value());
            skipSpace();
            char next = next();
            if (next == '}') {
                return object;
            }
            if (next != ',') {
                throw error("expected , or }");
            }
        }
    }

    private List<Object> array()
    {
        List<Object> array = new ArrayList<>();
        position++;
        skipSpace();
        if (peek() == ']') {
            position++;
            return array;
        }
        while (true) {
            skipSpace();
            array.add(value());
            skipSpace();
            char next = next();
            if (next == ']') {
                return array;
            }
            if (next != ',') {
                throw error("expected , or ]");
            }
        }
    }

    private String string()
    {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char character = next();
            if (character == '"') {
                return out.toString();
            }
            if (character < 0x20) {
                throw error("control character in string");
            }
            if (character != '\\') {
                out.append(character);
                continue;
            }
            char escaped = next();
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (position + 4 > text.length()) {
                        throw error("short unicode escape");
                    }
                    out.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                    position += 4;
                }
                default -> throw error("bad escape");
            }
        }
    }

    private BigDecimal number()
    {
        int start = position;
        while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
        if (start == position) {
            throw error("unexpected character");
        }
        try {
            return new BigDecimal(text.substring(start, position));
        }
        catch (NumberFormatException e) {
            throw error("bad number");
        }
    }

    private Object literal(String word, Object value)
    {
        if (!text.startsWith(word, position)) {
            throw error("unexpected literal");
        }
        position += word.length();
        return value;
    }

    private void skipSpace()
    {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private char peek()
    {
        if (position >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(position);
    }

    private char next()
    {
        char character = peek();
        position++;
        return character;
    }

    private void expect(char expected)
    {
        if (next() != expected) {
            throw error("expected " + expected);
        }
    }

    private IllegalArgumentException error(String message)
    {
        return new IllegalArgumentException(message + " at " + position);
    }
}
