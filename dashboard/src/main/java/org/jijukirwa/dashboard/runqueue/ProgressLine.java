package org.jijukirwa.dashboard.runqueue;

import io.micronaut.core.annotation.Nullable;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A progress line of the ingest (ingest RunProgress): {@code [ingest] members: 8,031 rows read from 2 files, ... (5.2 s)}
 * is the stage {@code members} with 8031 rows; {@code [ingest] publishing: snapshot X is CURRENT (0.3 s)} names the
 * snapshot published.
 */
record ProgressLine(String stage, @Nullable Long rows, String text, @Nullable String publishedSnapshot)
{
    private static final Pattern LINE = Pattern.compile("^\\[ingest] ([a-z ]+): (.*)$");
    private static final Pattern ROWS = Pattern.compile("^([0-9][0-9,]*) rows");
    private static final Pattern PUBLISHED = Pattern.compile("^snapshot (\\S+) is CURRENT");

    static Optional<ProgressLine> parse(String line)
    {
        Matcher matcher = LINE.matcher(line);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String what = matcher.group(2);
        Matcher rows = ROWS.matcher(what);
        Matcher published = PUBLISHED.matcher(what);
        return Optional.of(new ProgressLine(matcher.group(1), rows.find() ? Long.valueOf(rows.group(1).replace(",", "")) : null,
                line.substring("[ingest] ".length()), published.find() ? published.group(1) : null));
    }
}
