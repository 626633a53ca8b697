package org.jijukirwa.warehouse.quarantine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jijukirwa.warehouse.indicator.InvalidParameterException;

import static java.util.Objects.requireNonNull;

/**
 * A validated request for a page of the quarantine. {@code reason} is a reason code of the data contract
 * ({@code unknown_district}, {@code invalid_date:formed_on}), or the family of a code that names a column
 * ({@code invalid_date}), which matches every column; a row matches when any of its reasons does. {@code file} is a
 * source file as the quarantine names it ({@code members/members_2020.csv}), matched exactly.
 */
public record QuarantineQuery(Optional<String> dataset, Optional<String> file, Optional<String> reason, int limit, int offset)
{
    public static final String DATASET = "dataset";
    public static final String FILE = "file";
    public static final String REASON = "reason";
    public static final String LIMIT = "limit";
    public static final String OFFSET = "offset";
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    /** The longest source file name a query may name. */
    static final int MAX_FILE_LENGTH = 1000;

    static final List<String> DATASETS = List.of("cooperatives", "members", "trainings", "coaching");
    static final List<String> REASONS = List.of("malformed_row", "unknown_district", "unknown_value_chain", "unknown_topic", "unknown_cooperative");
    static final List<String> REASON_FAMILIES = List.of("missing_required", "invalid_date", "invalid_value", "date_in_future", "date_order");

    private static final Pattern COLUMN = Pattern.compile("[a-z][a-z0-9_]*");

    public QuarantineQuery
    {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(file, "file is null");
        requireNonNull(reason, "reason is null");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ": " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
    }

    public static QuarantineQuery firstPage()
    {
        return new QuarantineQuery(Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_LIMIT, 0);
    }

    /** From the raw query parameters; throws {@link InvalidParameterException} naming the parameter at fault. */
    public static QuarantineQuery parse(Map<String, String> parameters)
    {
        requireNonNull(parameters, "parameters is null");
        for (String name : parameters.keySet()) {
            if (!Set.of(DATASET, FILE, REASON, LIMIT, OFFSET).contains(name)) {
                throw new InvalidParameterException(name, "'" + name + "' is not a known parameter; use dataset, file, reason, limit and offset.");
            }
        }
        Optional<String> dataset = text(parameters, DATASET);
        if (dataset.isPresent() && !DATASETS.contains(dataset.get())) {
            throw new InvalidParameterException(DATASET, "'" + dataset.get() + "' is not a dataset; use one of " + String.join(", ", DATASETS) + ".");
        }
        Optional<String> file = text(parameters, FILE);
        if (file.isPresent() && (file.get().length() > MAX_FILE_LENGTH || file.get().chars().anyMatch(Character::isISOControl))) {
            throw new InvalidParameterException(FILE, "'file' must be a source file as the quarantine's counts name it (at most "
                    + MAX_FILE_LENGTH + " characters, no control characters).");
        }
        Optional<String> reason = text(parameters, REASON);
        if (reason.isPresent() && !isReason(reason.get())) {
            throw new InvalidParameterException(REASON, "'" + reason.get() + "' is not a quarantine reason; use one of " + String.join(", ", REASONS)
                    + ", or one of " + String.join(", ", REASON_FAMILIES) + " optionally followed by ':<column>'.");
        }
        int limit = integer(parameters, LIMIT, DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = integer(parameters, OFFSET, 0, 0, Integer.MAX_VALUE);
        return new QuarantineQuery(dataset, file, reason, limit, offset);
    }

    private static boolean isReason(String reason)
    {
        if (REASONS.contains(reason) || REASON_FAMILIES.contains(reason)) {
            return true;
        }
        int colon = reason.indexOf(':');
        return colon > 0 && REASON_FAMILIES.contains(reason.substring(0, colon)) && COLUMN.matcher(reason.substring(colon + 1)).matches();
    }

    private static Optional<String> text(Map<String, String> parameters, String name)
    {
        String raw = parameters.get(name);
        return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(raw.trim());
    }

    private static int integer(Map<String, String> parameters, String name, int defaultValue, int minimum, int maximum)
    {
        Optional<String> raw = text(parameters, name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        String range = maximum == Integer.MAX_VALUE ? minimum + " or more" : "from " + minimum + " to " + maximum;
        try {
            long value = Long.parseLong(raw.get());
            if (value < minimum || value > maximum) {
                throw new InvalidParameterException(name, "'" + name + "' must be a whole number " + range + ", not " + raw.get() + ".");
            }
            return (int) value;
        }
        catch (NumberFormatException e) {
            throw new InvalidParameterException(name, "'" + name + "' must be a whole number " + range + ", not '" + raw.get() + "'.");
        }
    }
}
