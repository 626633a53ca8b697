package org.jijukirwa.generator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One submission of an XLSForm as a field tool stores it: the answers by
 * field name in their XML form (dates yyyy-MM-dd, choice names, a
 * select_multiple's names separated by spaces), the entries of its repeat,
 * and the tool's metadata (instance id, when the phone started and finished
 * it, when the server received it, the reviewer's verdict).
 *
 * @param repeat the entries of the form's repeat (empty when it has none), each answers by field name
 */
record FieldSubmission(
        String instanceId,
        Map<String, String> answers,
        List<Map<String, String>> repeat,
        OffsetDateTime started,
        OffsetDateTime ended,
        Instant receivedAt,
        Review review,
        String submitter,
        long serverId)
{
    FieldSubmission
    {
        requireNonNull(instanceId, "instanceId is null");
        answers = Map.copyOf(answers);
        repeat = List.copyOf(repeat);
        requireNonNull(started, "started is null");
        requireNonNull(ended, "ended is null");
        requireNonNull(receivedAt, "receivedAt is null");
        requireNonNull(review, "review is null");
    }

    /** An answer, or null when the field was left empty or not relevant. */
    String answer(String field)
    {
        return answers.get(field);
    }

    /**
     * What a reviewer said of a submission. Only a rejection keeps its records
     * out (quarantine reason {@link #REJECTED_REASON}); the others are data.
     */
    enum Review
    {
        NONE("", "", "", ""),
        APPROVED("validation_status_approved", "Approved", "approved", "approved"),
        ON_HOLD("validation_status_on_hold", "On Hold", "hasIssues", "on_hold"),
        EDITED("", "", "edited", "edited"),
        REJECTED("validation_status_not_approved", "Not Approved", "rejected", "rejected");

        static final String REJECTED_REASON = "rejected_in_review";

        private final String koboUid;
        private final String koboLabel;
        private final String odkReviewState;
        private final String manifestName;

        Review(String koboUid, String koboLabel, String odkReviewState, String manifestName)
        {
            this.koboUid = koboUid;
            this.koboLabel = koboLabel;
            this.odkReviewState = odkReviewState;
            this.manifestName = manifestName;
        }

        /** Kobo's {@code _validation_status} in an export with XML names (KoboToolbox has no "edited" status). */
        String koboUid()
        {
            return koboUid;
        }

        /** Kobo's {@code _validation_status} in an export with labels. */
        String koboLabel()
        {
            return koboLabel;
        }

        /** ODK Central's {@code ReviewState}: empty for a received submission. */
        String odkReviewState()
        {
            return odkReviewState;
        }

        String manifestName()
        {
            return manifestName.isEmpty() ? "none" : manifestName;
        }
    }
}
