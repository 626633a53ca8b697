package org.jijukirwa.warehouse.cooperative;

import java.util.List;
import java.util.Map;

import org.jijukirwa.warehouse.indicator.InvalidParameterException;

import static java.util.Objects.requireNonNull;

/** GET /api/v1/cooperatives?q=&limit=: the text to find in ids and names, and how many matches at most. */
public record CooperativeSearch(String text, int limit)
{
    public static final String TEXT = "q";
    public static final String LIMIT = "limit";
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_TEXT_LENGTH = 100;

    public CooperativeSearch
    {
        requireNonNull(text, "text is null");
    }

    public static CooperativeSearch parse(Map<String, String> parameters)
    {
        for (String name : parameters.keySet()) {
            if (!List.of(TEXT, LIMIT).contains(name)) {
                throw new InvalidParameterException(name, "'" + CooperativeId.shorten(name) + "' is not a known parameter; use q and limit.");
            }
        }
        String text = parameters.getOrDefault(TEXT, "").trim();
        if (text.isEmpty()) {
            throw new InvalidParameterException(TEXT, "'q' must give the id or a part of the name of a cooperative.");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidParameterException(TEXT, "'q' must be at most " + MAX_TEXT_LENGTH + " characters.");
        }
        int limit = DEFAULT_LIMIT;
        String rawLimit = parameters.get(LIMIT);
        if (rawLimit != null && !rawLimit.isBlank()) {
            try {
                limit = Integer.parseInt(rawLimit.trim());
            }
            catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new InvalidParameterException(LIMIT, "'limit' must be a whole number from 1 to " + MAX_LIMIT + ", not '"
                        + CooperativeId.shorten(rawLimit) + "'.");
            }
        }
        return new CooperativeSearch(text, limit);
    }
}
