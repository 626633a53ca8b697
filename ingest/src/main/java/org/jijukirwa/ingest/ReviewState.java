package org.jijukirwa.ingest;

import java.util.Locale;
import java.util.Set;

/**
 * The review state a supervisor gives a submission in the field tool: KoboToolbox's {@code _validation_status}
 * ({@code validation_status_approved}, {@code validation_status_not_approved}, {@code validation_status_on_hold},
 * or their labels Approved, Not Approved, On Hold) and ODK Central's {@code ReviewState} ({@code approved},
 * {@code hasIssues}, {@code edited}, {@code rejected}, empty for received).
 * <p>
 * Rule: only a rejection refuses a submission (its rows are quarantined as {@code rejected_in_review}). A
 * submission on hold, with issues, edited or not reviewed yet is data as collected and is accepted: an edited
 * ODK submission is exported in its edited version, which keeps its SubmissionDate and so replaces the earlier
 * version by the tie rule (the later ingested row wins).
 */
public final class ReviewState
{
    private static final Set<String> REJECTED = Set.of("validation_status_not_approved", "not_approved", "notapproved", "rejected");

    private ReviewState()
    {
    }

    public static boolean isRejected(String state)
    {
        if (state == null) {
            return false;
        }
        String key = state.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        return REJECTED.contains(key);
    }
}
