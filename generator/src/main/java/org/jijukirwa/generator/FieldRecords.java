package org.jijukirwa.generator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * The records behind the field exports: 18 cooperatives of their own (ids
 * {@code COOP-XXX-F001}..., three in each of six districts, one per province
 * and Kigali's Gasabo) registered with the cooperative form, their members,
 * training sessions they attend and coaching visits, each as the submissions
 * of the programme's forms that a field officer would have sent. Answers obey
 * the forms' constraints, as data that came through them does. A few
 * submissions are rejected by a reviewer (a wrong later edit, a duplicate
 * registration) and a few name a cooperative with a typo; nothing else is bad.
 * Keys never meet the main sample's, so its figures only gain what the
 * manifest's field_exports section records.
 */
final class FieldRecords
{
    private static final long SALT = 0xF1E1DL;
    private static final ZoneOffset KIGALI = ZoneOffset.ofHours(2);
    /** Gasabo, Huye, Rubavu, Musanze, Nyagatare, Bugesera (indices into Districts.ALL). */
    static final List<Integer> DISTRICT_INDICES = List.of(1, 6, 13, 20, 24, 29);
    static final int COOPERATIVES_PER_DISTRICT = 3;

    record Cooperative(String id, District district, ValueChain valueChain, String sector, String name, LocalDate formedOn,
            LocalDate appliedOn, LocalDate registeredOn, String certificate, LocalDate bdcLinkedOn, LocalDate unionAffiliatedOn)
    {
    }

    record Member(String id, Cooperative cooperative, LocalDate joinedOn, LocalDate leftOn)
    {
        boolean activeOn(LocalDate date)
        {
            return !joinedOn.isAfter(date) && (leftOn == null || leftOn.isAfter(date));
        }
    }

    private final long seed;
    private final LocalDate start;
    private final LocalDate end;
    private final SplittableRandom random;
    private final List<Cooperative> cooperatives = new ArrayList<>();
    private final Map<String, List<Member>> membersByCooperative = new LinkedHashMap<>();
    private long instanceCounter;

    private final List<FieldSubmission> cooperativeSubmissions = new ArrayList<>();
    private final List<FieldSubmission> memberSubmissionsFirstHalf = new ArrayList<>();
    private final List<FieldSubmission> memberSubmissionsSecondHalf = new ArrayList<>();

    FieldRecords(long seed, LocalDate start, LocalDate end)
    {
        this.seed = seed;
        this.start = requireNonNull(start, "start is null");
        this.end = requireNonNull(end, "end is null");
        if (ChronoUnit.DAYS.between(start, end) < 365) {
            throw new IllegalArgumentException("field exports need a period of a year or more, got " + start + ".." + end);
        }
        this.random = Seeds.random(seed, SALT);
        drawCooperatives();
        drawMembers();
    }

    /** The cooperative form's submissions, in the order the server received them. */
    List<FieldSubmission> cooperativeSubmissions()
    {
        return List.copyOf(cooperativeSubmissions);
    }

    /** The member form's submissions for the first nine cooperatives ({@code half} 0) or the last nine (1), in receipt order. */
    List<FieldSubmission> memberSubmissions(int half)
    {
        return List.copyOf(half == 0 ? memberSubmissionsFirstHalf : memberSubmissionsSecondHalf);
    }

    // ---- cooperatives ----

    private void drawCooperatives()
    {
        long days = ChronoUnit.DAYS.between(start, end);
        for (int districtIndex : DISTRICT_INDICES) {
            District district = Districts.ALL.get(districtIndex);
            for (int number = 1; number <= COOPERATIVES_PER_DISTRICT; number++) {
                LocalDate formedOn = start.plusDays(14 + random.nextInt((int) (days * 0.6)));
                ValueChain chain = ValueChain.at(random.nextDouble());
                String sector = Draws.pick(random, district.sectors());
                String name = Names.cooperativeName(random, chain, sector).replace('\n', ' ');
                LocalDate appliedOn = Draws.chance(random, 0.75) ? within(formedOn.plusDays(14 + random.nextInt(120))) : null;
                LocalDate registeredOn = appliedOn != null && Draws.chance(random, 0.8) ? within(appliedOn.plusDays(20 + random.nextInt(200))) : null;
                String certificate = registeredOn == null ? null : "RCA/" + Text.pad(random.nextInt(10_000), 4) + "/" + registeredOn.getYear();
                LocalDate bdc = Draws.chance(random, 0.5) ? within(formedOn.plusDays(30 + random.nextInt(400))) : null;
                LocalDate union = Draws.chance(random, 0.4) ? within(formedOn.plusDays(60 + random.nextInt(500))) : null;
                Cooperative cooperative = new Cooperative(fieldCooperativeId(district, number), district, chain, sector, name, formedOn, appliedOn,
                        registeredOn, certificate, bdc, union);
                cooperatives.add(cooperative);
                writeCooperative(cooperative);
            }
        }
        // Two later edits that a reviewer rejected (a wrong value chain), and one group registered twice under a new id.
        for (int index : List.of(2, 13)) {
            Cooperative cooperative = cooperatives.get(index);
            FieldSubmission latest = lastSubmissionOf(cooperative.id());
            Map<String, String> answers = new LinkedHashMap<>(latest.answers());
            ValueChain wrong = ValueChain.values()[(cooperative.valueChain().ordinal() + 3) % ValueChain.values().length];
            answers.put("value_chain", wrong.code());
            LocalDate editedOn = within(LocalDate.ofInstant(latest.receivedAt(), KIGALI).plusDays(1 + random.nextInt(20)));
            cooperativeSubmissions.add(submission(answers, List.of(), editedOn, FieldSubmission.Review.REJECTED, officer(cooperative.district())));
        }
        Cooperative twice = cooperatives.get(7);
        Map<String, String> duplicate = cooperativeAnswers(twice, twice.formedOn());
        duplicate.put("cooperative_id", fieldCooperativeId(twice.district(), COOPERATIVES_PER_DISTRICT + 1));
        cooperativeSubmissions.add(submission(duplicate, List.of(), within(twice.formedOn().plusDays(40)), FieldSubmission.Review.REJECTED,
                officer(twice.district())));
        cooperativeSubmissions.sort(java.util.Comparator.comparing(FieldSubmission::receivedAt));
    }

    private static String fieldCooperativeId(District district, int number)
    {
        return "COOP-" + district.abbreviation() + "-F" + Text.pad(number, 3);
    }

    private void writeCooperative(Cooperative cooperative)
    {
        TreeSet<LocalDate> steps = new TreeSet<>();
        for (LocalDate date : new LocalDate[] {cooperative.formedOn(), cooperative.appliedOn(), cooperative.registeredOn(), cooperative.bdcLinkedOn(),
                cooperative.unionAffiliatedOn()}) {
            if (date != null) {
                steps.add(date);
            }
        }
        for (LocalDate step : steps) {
            FieldSubmission.Review review = Draws.chance(random, 0.5) ? FieldSubmission.Review.APPROVED
                    : Draws.chance(random, 0.15) ? FieldSubmission.Review.ON_HOLD : FieldSubmission.Review.NONE;
            cooperativeSubmissions.add(submission(cooperativeAnswers(cooperative, step), List.of(), within(step.plusDays(random.nextInt(4))), review,
                    officer(cooperative.district())));
        }
    }

    private static Map<String, String> cooperativeAnswers(Cooperative cooperative, LocalDate asOf)
    {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("cooperative_id", cooperative.id());
        answers.put("cooperative_name", cooperative.name());
        answers.put("district", cooperative.district().code());
        answers.put("sector", cooperative.sector());
        answers.put("value_chain", cooperative.valueChain().code());
        answers.put("formed_on", cooperative.formedOn().toString());
        putIfHappened(answers, "applied_on", cooperative.appliedOn(), asOf);
        putIfHappened(answers, "registered_on", cooperative.registeredOn(), asOf);
        if (answers.containsKey("registered_on")) {
            answers.put("rca_certificate_no", cooperative.certificate());
        }
        putIfHappened(answers, "bdc_linked_on", cooperative.bdcLinkedOn(), asOf);
        putIfHappened(answers, "union_affiliated_on", cooperative.unionAffiliatedOn(), asOf);
        return answers;
    }

    private FieldSubmission lastSubmissionOf(String cooperativeId)
    {
        FieldSubmission last = null;
        for (FieldSubmission submission : cooperativeSubmissions) {
            if (submission.answer("cooperative_id").equals(cooperativeId) && (last == null || submission.receivedAt().isAfter(last.receivedAt()))) {
                last = submission;
            }
        }
        return requireNonNull(last, cooperativeId);
    }

    // ---- members ----

    private void drawMembers()
    {
        long personNumber = 0;
        for (int index = 0; index < cooperatives.size(); index++) {
            Cooperative cooperative = cooperatives.get(index);
            List<FieldSubmission> target = index < cooperatives.size() / 2 ? memberSubmissionsFirstHalf : memberSubmissionsSecondHalf;
            List<Member> members = new ArrayList<>();
            int count = Draws.between(random, 3, 5);
            for (int number = 1; number <= count; number++) {
                LocalDate joinedOn = number <= 4 ? cooperative.formedOn().plusDays(random.nextInt(20))
                        : within(cooperative.formedOn().plusDays(30 + random.nextInt(500)));
                LocalDate leftOn = Draws.chance(random, 0.12) ? within(joinedOn.plusDays(60 + random.nextInt(400))) : null;
                if (leftOn != null && !leftOn.isAfter(joinedOn)) {
                    leftOn = null;
                }
                Member member = new Member(cooperative.id() + "-M" + Text.pad(number, 3), cooperative, joinedOn, leftOn);
                members.add(member);
                char sex = Draws.chance(random, cooperative.valueChain().womenShare()) ? 'F' : 'M';
                int birthYear = joinedOn.getYear() - Draws.between(random, 17, 60);
                Map<String, String> answers = new LinkedHashMap<>();
                answers.put("member_id", member.id());
                answers.put("cooperative_id", cooperative.id());
                answers.put("full_name", Names.fullName(random, sex));
                if (Draws.chance(random, 0.9)) {
                    // The 16-digit layout with a serial of their own (9 before it), so no id meets the main sample's.
                    answers.put("national_id", "1" + birthYear + (sex == 'F' ? "7" : "8") + "9" + Text.pad(++personNumber, 6) + "0" + Text.pad(random.nextInt(100), 2));
                }
                if (Draws.chance(random, 0.8)) {
                    answers.put("phone", "07" + Draws.pick(random, List.of("8", "8", "9", "2", "3")) + Text.pad(random.nextInt(10_000_000), 7));
                }
                if (Draws.chance(random, 0.97)) {
                    answers.put("sex", Character.toString(sex));
                }
                if (Draws.chance(random, 0.5)) {
                    answers.put("disability", Draws.chance(random, 0.06) ? "yes" : "no");
                }
                answers.put("joined_on", joinedOn.toString());
                if (Draws.chance(random, 0.95)) {
                    answers.put("birth_year", Integer.toString(birthYear));
                }
                FieldSubmission.Review review = Draws.chance(random, 0.4) ? FieldSubmission.Review.APPROVED : FieldSubmission.Review.NONE;
                target.add(submission(answers, List.of(), within(joinedOn.plusDays(random.nextInt(5))), review, officer(cooperative.district())));
                if (leftOn != null) {
                    Map<String, String> left = new LinkedHashMap<>(answers);
                    left.put("left_on", leftOn.toString());
                    target.add(submission(left, List.of(), within(leftOn.plusDays(random.nextInt(5))), FieldSubmission.Review.NONE,
                            officer(cooperative.district())));
                }
            }
            membersByCooperative.put(cooperative.id(), members);
        }
        for (List<FieldSubmission> target : List.of(memberSubmissionsFirstHalf, memberSubmissionsSecondHalf)) {
            // A later edit with a birth year the reviewer did not believe, and a member typed under a cooperative that does not exist.
            FieldSubmission edited = target.get(3);
            Map<String, String> answers = new LinkedHashMap<>(edited.answers());
            answers.put("birth_year", Integer.toString(LocalDate.parse(answers.get("joined_on")).getYear() - 17));
            target.add(submission(answers, List.of(), within(LocalDate.ofInstant(edited.receivedAt(), KIGALI).plusDays(3)),
                    FieldSubmission.Review.REJECTED, edited.submitter()));
            FieldSubmission typo = target.get(9);
            Map<String, String> mistyped = new LinkedHashMap<>(typo.answers());
            String cooperativeId = mistyped.get("cooperative_id");
            mistyped.put("member_id", cooperativeId + "-M090");
            mistyped.put("cooperative_id", cooperativeId.substring(0, cooperativeId.length() - 3) + "090");
            mistyped.remove("left_on");
            target.add(submission(mistyped, List.of(), within(LocalDate.ofInstant(typo.receivedAt(), KIGALI).plusDays(1)), FieldSubmission.Review.NONE,
                    typo.submitter()));
            target.sort(java.util.Comparator.comparing(FieldSubmission::receivedAt));
        }
    }

    // ---- training sessions (one submission per session, attendees in the repeat) ----

    /**
     * One session per district in a flavour's own year-ordinal ({@code K01}, {@code L01}, {@code O01}); the
     * attendees are the district's field cooperatives' representatives and leaders present that day.
     */
    List<FieldSubmission> sessions(String letter, List<FieldSubmission.Review> reviews, int typoSession)
    {
        SplittableRandom sessions = Seeds.random(seed, SALT, letter.charAt(0));
        List<FieldSubmission> submissions = new ArrayList<>();
        for (int position = 0; position < DISTRICT_INDICES.size(); position++) {
            District district = Districts.ALL.get(DISTRICT_INDICES.get(position));
            List<Cooperative> local = cooperatives.stream().filter(cooperative -> cooperative.district() == district).toList();
            LocalDate earliest = local.stream().map(Cooperative::formedOn).min(LocalDate::compareTo).orElseThrow().plusDays(10);
            LocalDate heldOn = within(earliest.plusDays(sessions.nextInt((int) Math.max(1, ChronoUnit.DAYS.between(earliest, end.minusDays(10))))));
            List<Map<String, String>> attendees = new ArrayList<>();
            for (Cooperative cooperative : local) {
                if (!cooperative.formedOn().plusDays(7).isBefore(heldOn) || !Draws.chance(sessions, 0.85)) {
                    continue;
                }
                List<Member> present = membersByCooperative.get(cooperative.id()).stream().filter(member -> member.activeOn(heldOn)).toList();
                if (present.isEmpty()) {
                    attendees.add(attendee(cooperative.id(), null, "representative"));
                    continue;
                }
                attendees.add(attendee(cooperative.id(), present.get(0).id(), "representative"));
                if (present.size() > 1 && Draws.chance(sessions, 0.5)) {
                    attendees.add(attendee(cooperative.id(), present.get(1).id(), "leader"));
                }
                if (Draws.chance(sessions, 0.15)) {
                    attendees.add(attendee(cooperative.id(), null, "local_leader"));
                }
            }
            if (attendees.isEmpty()) {
                attendees.add(attendee(local.get(0).id(), null, "representative"));
            }
            if (position == typoSession) {
                // The letter O typed for a zero: passes the form's pattern, names no cooperative.
                String typo = attendees.get(0).get("cooperative_id").replace("-F00", "-F0O");
                attendees.add(attendee(typo, null, "representative"));
            }
            Map<String, String> answers = new LinkedHashMap<>();
            answers.put("session_id", "TRN-" + district.abbreviation() + "-" + heldOn.getYear() + "-" + letter + "01");
            answers.put("held_on", heldOn.toString());
            answers.put("district", district.code());
            answers.put("topic", Draws.pick(sessions, Topics.ALL));
            answers.put("facilitator", Draws.pick(sessions, Names.FACILITATORS));
            submissions.add(submission(answers, attendees, within(heldOn.plusDays(sessions.nextInt(3))), reviews.get(position % reviews.size()),
                    officer(district)));
        }
        submissions.sort(java.util.Comparator.comparing(FieldSubmission::receivedAt));
        return submissions;
    }

    private static Map<String, String> attendee(String cooperativeId, String memberId, String role)
    {
        Map<String, String> attendee = new LinkedHashMap<>();
        attendee.put("cooperative_id", cooperativeId);
        if (memberId != null) {
            attendee.put("member_id", memberId);
        }
        attendee.put("attendee_role", role);
        return Map.copyOf(attendee);
    }

    // ---- coaching visits ----

    /** {@code count} visits with ids {@code VIS-<letter>0001}...; reviews cycle through {@code reviews}; one visit names a mistyped cooperative. */
    List<FieldSubmission> visits(String letter, int count, List<FieldSubmission.Review> reviews, int typoVisit)
    {
        SplittableRandom visits = Seeds.random(seed, SALT, letter.charAt(0), count);
        List<FieldSubmission> submissions = new ArrayList<>();
        for (int number = 1; number <= count; number++) {
            Cooperative cooperative = cooperatives.get(visits.nextInt(cooperatives.size()));
            LocalDate from = cooperative.formedOn().plusDays(14);
            LocalDate visitedOn = within(from.plusDays(visits.nextInt((int) Math.max(1, ChronoUnit.DAYS.between(from, end.minusDays(5))))));
            Map<String, String> answers = new LinkedHashMap<>();
            answers.put("visit_id", "VIS-" + letter + Text.pad(number, 4));
            answers.put("cooperative_id", number == typoVisit ? cooperative.id().replace("-F00", "-F0O") : cooperative.id());
            answers.put("visited_on", visitedOn.toString());
            answers.put("coach", Draws.pick(visits, Names.COACHES_BY_PROVINCE.get(Integer.parseInt(cooperative.district().provinceCode()) - 1)));
            List<String> topics = new ArrayList<>();
            for (int topic = Draws.between(visits, 1, 3); topic > 0; topic--) {
                String drawn = Draws.pick(visits, Topics.ALL);
                if (!topics.contains(drawn)) {
                    topics.add(drawn);
                }
            }
            answers.put("topics", String.join(" ", topics));
            if (Draws.chance(visits, 0.88)) {
                answers.put("maturity_score", Integer.toString(Draws.between(visits, 15, 90)));
            }
            LocalDate due = visitedOn.plusDays(Draws.between(visits, 14, 90));
            if (Draws.chance(visits, 0.7) && !due.isAfter(end)) {
                answers.put("follow_up_due", due.toString());
            }
            if (Draws.chance(visits, 0.45)) {
                answers.put("notes", Names.visitNote(visits));
            }
            submissions.add(submission(answers, List.of(), within(visitedOn.plusDays(visits.nextInt(4))), reviews.get((number - 1) % reviews.size()),
                    officer(cooperative.district())));
        }
        submissions.sort(java.util.Comparator.comparing(FieldSubmission::receivedAt));
        return submissions;
    }

    // ---- submissions ----

    /** Received on {@code day} in office hours, Kigali time; now and then late at night, which in UTC is still the day before. */
    private FieldSubmission submission(Map<String, String> answers, List<Map<String, String>> repeat, LocalDate day, FieldSubmission.Review review,
            String submitter)
    {
        LocalTime time = Draws.chance(random, 0.1) ? LocalTime.of(0, 0).plusMinutes(random.nextInt(110)) : LocalTime.of(8, 0).plusMinutes(random.nextInt(600));
        OffsetDateTime received = OffsetDateTime.of(day, time, KIGALI).plusSeconds(random.nextInt(60)).plusNanos(random.nextInt(1000) * 1_000_000L);
        OffsetDateTime ended = received.minusSeconds(5 + random.nextInt(600));
        OffsetDateTime started = ended.minusSeconds(60 + random.nextInt(1500));
        Instant receivedAt = received.toInstant();
        return new FieldSubmission(uuid(), answers, repeat, started, ended, receivedAt, review, submitter, 48_100_000L + ++instanceCounter);
    }

    private String uuid()
    {
        long high = random.nextLong();
        long low = random.nextLong();
        String hex = String.format(Locale.ROOT, "%016x%016x", high, low);
        return "uuid:" + hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-"
                + "89ab".charAt((int) ((low >>> 62) & 3)) + hex.substring(17, 20) + "-" + hex.substring(20, 32);
    }

    private static String officer(District district)
    {
        return "officer_" + district.name().toLowerCase(Locale.ROOT);
    }

    /** A date no later than ten days before the period's end, so no submission lands after the as-of date. */
    private LocalDate within(LocalDate date)
    {
        LocalDate last = end.minusDays(10);
        return date.isAfter(last) ? last : date;
    }

    private static void putIfHappened(Map<String, String> answers, String field, LocalDate date, LocalDate asOf)
    {
        if (date != null && !date.isAfter(asOf)) {
            answers.put(field, date.toString());
        }
    }
}
