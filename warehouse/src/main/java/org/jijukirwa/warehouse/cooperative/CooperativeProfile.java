package org.jijukirwa.warehouse.cooperative;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * One cooperative's page: its place, its funnel as a timeline, the sessions it attended, its coaching visits, and
 * (for managers only) its members over time. {@code members} is empty for the public: a cooperative is finer than
 * any public cell of the disclosure rule.
 */
public record CooperativeProfile(
        String snapshotId,
        LocalDate asOf,
        CooperativeSummary cooperative,
        Optional<String> valueChainLabel,
        List<FunnelStep> funnel,
        List<TrainingAttended> trainings,
        List<CoachingVisit> visits,
        Optional<LocalDate> lastVisitedOn,
        Stuck stuck,
        Optional<List<MemberCount>> members)
{
    public CooperativeProfile
    {
        requireNonNull(snapshotId, "snapshotId is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(cooperative, "cooperative is null");
        requireNonNull(valueChainLabel, "valueChainLabel is null");
        funnel = List.copyOf(funnel);
        trainings = List.copyOf(trainings);
        visits = List.copyOf(visits);
        requireNonNull(lastVisitedOn, "lastVisitedOn is null");
        requireNonNull(stuck, "stuck is null");
        members = requireNonNull(members, "members is null").map(List::copyOf);
    }

    /** The steps of the funnel in their order; {@code step} is formed, trained, applied, registered, bdc_linked or union_affiliated. */
    public static final List<String> STEPS = List.of("formed", "trained", "applied", "registered", "bdc_linked", "union_affiliated");

    /**
     * One step: the day it was reached (empty: not yet), the days since the step before it that was reached, and since
     * the formation.
     */
    public record FunnelStep(String step, Optional<LocalDate> reachedOn, OptionalLong daysSincePrevious, OptionalLong daysSinceFormed)
    {
        public FunnelStep
        {
            requireNonNull(step, "step is null");
            requireNonNull(reachedOn, "reachedOn is null");
            requireNonNull(daysSincePrevious, "daysSincePrevious is null");
            requireNonNull(daysSinceFormed, "daysSinceFormed is null");
        }
    }

    /** A training session the cooperative's people attended; how many of them only for managers. */
    public record TrainingAttended(String sessionId, LocalDate heldOn, String topic, String topicLabel, Optional<String> sessionDistrict,
            OptionalLong attendeeCount)
    {
        public TrainingAttended
        {
            requireNonNull(sessionId, "sessionId is null");
            requireNonNull(heldOn, "heldOn is null");
            requireNonNull(topic, "topic is null");
            requireNonNull(topicLabel, "topicLabel is null");
            requireNonNull(sessionDistrict, "sessionDistrict is null");
            requireNonNull(attendeeCount, "attendeeCount is null");
        }
    }

    /** A coaching visit with its maturity score (empty when the coach gave none). */
    public record CoachingVisit(String visitId, LocalDate visitedOn, Optional<Integer> maturityScore, List<String> topics)
    {
        public CoachingVisit
        {
            requireNonNull(visitId, "visitId is null");
            requireNonNull(visitedOn, "visitedOn is null");
            requireNonNull(maturityScore, "maturityScore is null");
            topics = List.copyOf(topics);
        }
    }

    /** The active members on a day (a quarter's last, or the as-of date): in total, by sex (F, M, U) and by age band. */
    public record MemberCount(LocalDate countedOn, long total, Map<String, Long> bySex, Map<String, Long> byAgeBand)
    {
        public MemberCount
        {
            requireNonNull(countedOn, "countedOn is null");
            bySex = Map.copyOf(bySex);
            byAgeBand = Map.copyOf(byAgeBand);
        }
    }

    /** Whether the cooperative is stuck at the as-of date under a rule. */
    public record Stuck(StuckRule rule, boolean isUnregistered, boolean isUnvisited)
    {
        public Stuck
        {
            requireNonNull(rule, "rule is null");
        }
    }
}
