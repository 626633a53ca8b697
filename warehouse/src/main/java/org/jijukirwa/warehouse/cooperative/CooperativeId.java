package org.jijukirwa.warehouse.cooperative;

import java.util.regex.Pattern;

import org.jijukirwa.warehouse.indicator.InvalidParameterException;

/** The shape of a cooperative id in a request: letters, digits and {@code - _ . :}, at most 64 characters. */
public final class CooperativeId
{
    public static final String PARAMETER = "id";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

    private CooperativeId()
    {
    }

    /** The id as asked, trimmed; a 400 for anything that cannot be an id. */
    public static String parse(String raw)
    {
        String id = raw == null ? "" : raw.trim();
        if (!WELL_FORMED.matcher(id).matches()) {
            throw new InvalidParameterException(PARAMETER, "'" + shorten(id) + "' is not a cooperative id: an id is 1 to 64 letters, digits, "
                    + "'-', '_', '.' or ':', for example COOP-GAS-0001.");
        }
        return id;
    }

    static String shorten(String text)
    {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
