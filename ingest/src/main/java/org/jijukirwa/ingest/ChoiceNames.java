package org.jijukirwa.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the labels (or aliases) of choices into the choices' names: a whole value, or for a list
 * (select_multiple: names or labels joined by blanks or `;`) each item, the longest label that fits first
 * (labels may hold blanks). A value or item that is no known label is kept as written.
 */
final class ChoiceNames
{
    private ChoiceNames()
    {
    }

    /** {@code names}: lower-case label or alias -> name. */
    static String translate(String value, Map<String, String> names, boolean list)
    {
        String whole = names.get(FieldRules.lower(value));
        if (whole != null || !list) {
            return whole != null ? whole : value;
        }
        String lower = FieldRules.lower(value);
        List<String> items = new ArrayList<>();
        int position = 0;
        while (position < lower.length()) {
            while (position < lower.length() && isSeparator(lower.charAt(position))) {
                position++;
            }
            if (position >= lower.length()) {
                break;
            }
            String best = null;
            int bestEnd = -1;
            for (Map.Entry<String, String> label : names.entrySet()) {
                int end = position + label.getKey().length();
                if (end > bestEnd && lower.startsWith(label.getKey(), position) && (end == lower.length() || isSeparator(lower.charAt(end)))) {
                    best = label.getValue();
                    bestEnd = end;
                }
            }
            if (best == null) {
                bestEnd = position;
                while (bestEnd < lower.length() && !isSeparator(lower.charAt(bestEnd))) {
                    bestEnd++;
                }
                best = lower.substring(position, bestEnd);
            }
            items.add(best);
            position = bestEnd;
        }
        return String.join(" ", items);
    }

    private static boolean isSeparator(char c)
    {
        return c == ';' || c == ',' || FieldRules.isRegexBlank(c);
    }
}
