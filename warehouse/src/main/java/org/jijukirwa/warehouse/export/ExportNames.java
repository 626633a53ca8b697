package org.jijukirwa.warehouse.export;

import org.jijukirwa.warehouse.answer.AnswerHeading;

/**
 * File names of exported answers that say what they hold:
 * {@code formalisation_rate_by-district_as-of-2020-06-30_<snapshot>} or
 * {@code training_sessions_by-district_quarterly_2019-01-01-to-2020-06-30_<snapshot>}.
 * Only catalogue ids, dimension names, dates and snapshot ids go in, so the names are safe in any file system.
 */
public final class ExportNames
{
    private ExportNames()
    {
    }

    /** The name without extension. */
    public static String baseName(AnswerHeading heading)
    {
        StringBuilder name = new StringBuilder(heading.indicator().id());
        if (!heading.by().isEmpty()) {
            name.append("_by-").append(String.join("-", heading.byNames()));
        }
        if (!heading.filters().isEmpty()) {
            name.append("_filtered");
        }
        heading.grain().ifPresent(grain -> name.append('_').append(switch (grain) {
            case MONTH -> "monthly";
            case QUARTER -> "quarterly";
            case YEAR -> "yearly";
        }));
        if (heading.asOf().isPresent()) {
            name.append("_as-of-").append(heading.asOf().get());
        }
        else {
            name.append('_').append(heading.from().orElseThrow()).append("-to-").append(heading.to().orElseThrow());
        }
        name.append('_').append(heading.snapshot().id());
        return name.toString();
    }
}
