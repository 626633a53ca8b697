package org.jijukirwa.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Normalisation of one field (data-contract.md, "Normalisation"), as plain
 * Java functions of its trimmed text. Each returns null for a value it cannot
 * read, so "present but invalid" is {@code text != null && value == null}.
 * Dates and date-times: see {@link DateTexts}.
 */
public final class FieldRules
        implements Serializable
{
    private static final long serialVersionUID = 1L;
    private static final String BLANKS = " \t\r\n\u00a0";
    private static final String DISTRICT_PREFIX = "akarere";
    private static final String DISTRICT_SUFFIX = "district";

    private static final Map<String, String> SEXES = Map.ofEntries(
            Map.entry("f", "F"), Map.entry("female", "F"), Map.entry("woman", "F"), Map.entry("gore", "F"), Map.entry("umugore", "F"),
            Map.entry("m", "M"), Map.entry("male", "M"), Map.entry("man", "M"), Map.entry("gabo", "M"), Map.entry("umugabo", "M"));
    private static final Map<String, Boolean> BOOLEANS = Map.of(
            "yes", true, "no", false, "true", true, "false", false, "1", true, "0", false, "yego", true, "oya", false);

    private final Map<String, String> districts;
    private final Map<String, String> valueChains;
    private final Map<String, String> topics;

    public FieldRules(ReferenceData reference)
    {
        requireNonNull(reference, "reference is null");
        this.districts = Map.copyOf(reference.districtAliases());
        this.valueChains = Map.copyOf(reference.valueChainAliases());
        this.topics = Map.copyOf(reference.topicAliases());
    }

    /** Trimmed of blanks (space, tab, CR, LF, no-break space) at both ends; an empty string is missing (null). */
    public static String text(String raw)
    {
        if (raw == null) {
            return null;
        }
        int start = 0;
        int end = raw.length();
        while (start < end && BLANKS.indexOf(raw.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && BLANKS.indexOf(raw.charAt(end - 1)) >= 0) {
            end--;
        }
        return start == end ? null : raw.substring(start, end);
    }

    /** NISR code of a district given by code or name (`GASABO`, ` gasabo District`, `Akarere ka Gasabo`); null when unknown. */
    public String districtCode(String text)
    {
        if (text == null) {
            return null;
        }
        String name = lower(text);
        int start = districtPrefixEnd(name);
        int end = districtSuffixStart(name, start);
        return districts.get(name.substring(start, end));
    }

    /** Value chain code given by code or English label, case-insensitive; null when unknown. */
    public String valueChain(String text)
    {
        return text == null ? null : valueChains.get(lower(text));
    }

    /** Topic code, case-insensitive; null when unknown. */
    public String topic(String text)
    {
        return text == null ? null : topics.get(lower(text));
    }

    /**
     * The topics of a list separated by `;` or blanks, each as its code (null where unknown), duplicates
     * dropped (the first kept, one null at most); null when the text is missing.
     */
    public List<String> topicList(String text)
    {
        if (text == null) {
            return null;
        }
        List<String> codes = new ArrayList<>(4);
        int length = text.length();
        int position = 0;
        while (position < length) {
            while (position < length && isTopicSeparator(text.charAt(position))) {
                position++;
            }
            int start = position;
            while (position < length && !isTopicSeparator(text.charAt(position))) {
                position++;
            }
            if (position > start) {
                String code = topic(text.substring(start, position));
                if (!codes.contains(code)) {
                    codes.add(code);
                }
            }
        }
        return codes;
    }

    /** Whether a topic list holds a name that is no topic. */
    public static boolean hasUnknownTopic(List<String> topicList)
    {
        return topicList != null && topicList.contains(null);
    }

    /** F or M; U when missing; null when present but not a known word. */
    public static String sex(String text)
    {
        return text == null ? "U" : SEXES.get(lower(text));
    }

    public static Boolean bool(String text)
    {
        return text == null ? null : BOOLEANS.get(lower(text));
    }

    /** An integer written as an optional sign and 1 to 9 digits. */
    public static Integer integer(String text)
    {
        if (text == null) {
            return null;
        }
        boolean signed = text.charAt(0) == '+' || text.charAt(0) == '-';
        int start = signed ? 1 : 0;
        int digits = text.length() - start;
        if (digits < 1 || digits > 9 || !DateTexts.allDigits(text, start, text.length())) {
            return null;
        }
        int value = DateTexts.number(text, start, text.length());
        return text.charAt(0) == '-' ? -value : value;
    }

    /** Whether a character is one of Java's regular expression blanks (`\s`). */
    static boolean isRegexBlank(char c)
    {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }

    static String lower(String text)
    {
        return text.toLowerCase(Locale.ROOT);
    }

    private static boolean isTopicSeparator(char c)
    {
        return c == ';' || isRegexBlank(c);
    }

    /** The end of a leading `akarere ka ` (blanks of any kind and length after each word), or 0. */
    private static int districtPrefixEnd(String name)
    {
        if (!name.startsWith(DISTRICT_PREFIX)) {
            return 0;
        }
        int position = skipBlanks(name, DISTRICT_PREFIX.length());
        if (position == DISTRICT_PREFIX.length() || !name.startsWith("ka", position)) {
            return 0;
        }
        int end = skipBlanks(name, position + 2);
        return end == position + 2 ? 0 : end;
    }

    /** The start of the blanks before a trailing `district` (after {@code from}), or the end of the name. */
    private static int districtSuffixStart(String name, int from)
    {
        int wordStart = name.length() - DISTRICT_SUFFIX.length();
        if (wordStart <= from || !name.startsWith(DISTRICT_SUFFIX, wordStart) || !isRegexBlank(name.charAt(wordStart - 1))) {
            return name.length();
        }
        int start = wordStart - 1;
        while (start > from && isRegexBlank(name.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    private static int skipBlanks(String text, int position)
    {
        while (position < text.length() && isRegexBlank(text.charAt(position))) {
            position++;
        }
        return position;
    }
}
