package org.jijukirwa.dashboard.report;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.nio.file.Path;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/** How the server prints the report to PDF: the Chromium it runs, and how long one print may take. */
@ConfigurationProperties(ReportConfiguration.PREFIX)
public record ReportConfiguration(
        @Bindable(defaultValue = "/usr/bin/chromium") Path chromium,
        @Bindable(defaultValue = "60s") Duration timeout)
{
    public static final String PREFIX = "jijukirwa.report";

    public ReportConfiguration
    {
        requireNonNull(chromium, "chromium is null");
        requireNonNull(timeout, "timeout is null");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(PREFIX + ".timeout must be positive, not " + timeout);
        }
    }
}
