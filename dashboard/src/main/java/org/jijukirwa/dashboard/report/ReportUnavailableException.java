package org.jijukirwa.dashboard.report;

/** The PDF cannot be made now (no Chromium, busy, too slow): a 503 with this message. */
public final class ReportUnavailableException
        extends RuntimeException
{
    public ReportUnavailableException(String message)
    {
        super(message);
    }
}
