package org.jijukirwa.generator;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Turns a valid row into a row the contract rejects for exactly one reason.
 * Half of them keep the valid row's key (a broken later edit of a real
 * record, which must not replace it), half get a key of their own. Changes
 * that would trip a second rule (a date order against a missing formed_on,
 * say) clear the fields involved.
 */
final class BadRows
{
    static final List<String> UNKNOWN_DISTRICTS = List.of("Kigali", "Butare", "Byumba", "Kibuye", "Ruhengeri", "Cyangugu", "Gitarama", "Nyabugogo", "99");
    static final List<String> UNKNOWN_VALUE_CHAINS = List.of("farming", "mining", "tourism", "moto taxi", "hair dressing", "tailor");
    static final List<String> UNKNOWN_TOPICS = List.of("astrology", "marketing", "gender", "hygiene", "digital_skills");
    static final List<String> INVALID_SEX = List.of("X", "FM", "Other", "2", "?");
    static final List<String> INVALID_DISABILITY = List.of("maybe", "2", "sometimes", "oui");
    static final List<String> INVALID_MATURITY_SCORES = List.of("150", "-5", "high", "7.5", "101");

    private static final int COOPERATIVE_ID = Dataset.COOPERATIVES.column("cooperative_id");
    private static final int COOPERATIVE_NAME = Dataset.COOPERATIVES.column("cooperative_name");
    private static final int COOPERATIVE_DISTRICT = Dataset.COOPERATIVES.column("district");
    private static final int VALUE_CHAIN = Dataset.COOPERATIVES.column("value_chain");
    private static final int FORMED_ON = Dataset.COOPERATIVES.column("formed_on");
    private static final int APPLIED_ON = Dataset.COOPERATIVES.column("applied_on");
    private static final int REGISTERED_ON = Dataset.COOPERATIVES.column("registered_on");
    private static final int CERTIFICATE = Dataset.COOPERATIVES.column("rca_certificate_no");
    private static final int BDC_LINKED_ON = Dataset.COOPERATIVES.column("bdc_linked_on");
    private static final int UNION_AFFILIATED_ON = Dataset.COOPERATIVES.column("union_affiliated_on");

    private static final int MEMBER_ID = Dataset.MEMBERS.column("member_id");
    private static final int MEMBER_COOPERATIVE = Dataset.MEMBERS.column("cooperative_id");
    private static final int FULL_NAME = Dataset.MEMBERS.column("full_name");
    private static final int SEX = Dataset.MEMBERS.column("sex");
    private static final int BIRTH_YEAR = Dataset.MEMBERS.column("birth_year");
    private static final int DISABILITY = Dataset.MEMBERS.column("disability");
    private static final int JOINED_ON = Dataset.MEMBERS.column("joined_on");
    private static final int LEFT_ON = Dataset.MEMBERS.column("left_on");

    private static final int SESSION_ID = Dataset.TRAININGS.column("session_id");
    private static final int HELD_ON = Dataset.TRAININGS.column("held_on");
    private static final int SESSION_DISTRICT = Dataset.TRAININGS.column("district");
    private static final int TOPIC = Dataset.TRAININGS.column("topic");
    private static final int ATTENDEE_COOPERATIVE = Dataset.TRAININGS.column("cooperative_id");
    private static final int FACILITATOR = Dataset.TRAININGS.column("facilitator");

    private static final int VISIT_ID = Dataset.COACHING.column("visit_id");
    private static final int VISITED_COOPERATIVE = Dataset.COACHING.column("cooperative_id");
    private static final int VISITED_ON = Dataset.COACHING.column("visited_on");
    private static final int TOPICS = Dataset.COACHING.column("topics");
    private static final int MATURITY_SCORE = Dataset.COACHING.column("maturity_score");
    private static final int FOLLOW_UP_DUE = Dataset.COACHING.column("follow_up_due");
    private static final int NOTES = Dataset.COACHING.column("notes");

    private final LocalDate asOf;
    private final MessyValues messy;

    BadRows(LocalDate asOf, MessyValues messy)
    {
        this.asOf = requireNonNull(asOf, "asOf is null");
        this.messy = requireNonNull(messy, "messy is null");
    }

    BadRow cooperative(String reason, String[] valid, CooperativeStory story, Supplier<String> newCooperativeId, SplittableRandom random)
    {
        String[] row = valid.clone();
        if (!reason.equals("missing_required:cooperative_id") && random.nextBoolean()) {
            row[COOPERATIVE_ID] = newCooperativeId.get();
        }
        LocalDate formedOn = story.formedOn();
        switch (reason) {
            case "malformed_row" -> {
                return BadRow.malformed(row, COOPERATIVE_NAME, Draws.pick(random, Names.COOPERATIVE_WORDS), " ba " + story.sector());
            }
            case "missing_required:cooperative_id" -> row[COOPERATIVE_ID] = blank(random);
            case "missing_required:district" -> row[COOPERATIVE_DISTRICT] = blank(random);
            case "missing_required:value_chain" -> row[VALUE_CHAIN] = blank(random);
            case "missing_required:formed_on" -> {
                row[FORMED_ON] = blank(random);
                clearMilestones(row);
            }
            case "invalid_date:formed_on" -> {
                row[FORMED_ON] = MessyValues.invalidDate(random, formedOn);
                clearMilestones(row);
            }
            case "invalid_date:registered_on" -> row[REGISTERED_ON] = MessyValues.invalidDate(random, formedOn.plusDays(120));
            case "invalid_date:bdc_linked_on" -> row[BDC_LINKED_ON] = MessyValues.invalidDate(random, formedOn.plusDays(200));
            case "unknown_district" -> row[COOPERATIVE_DISTRICT] = Draws.pick(random, UNKNOWN_DISTRICTS);
            case "unknown_value_chain" -> row[VALUE_CHAIN] = Draws.pick(random, UNKNOWN_VALUE_CHAINS);
            case "date_in_future:formed_on" -> {
                row[FORMED_ON] = messy.date(random, asOf.plusDays(Draws.between(random, 5, 120)));
                clearMilestones(row);
            }
            case "date_in_future:registered_on" -> row[REGISTERED_ON] = messy.date(random, asOf.plusDays(Draws.between(random, 10, 150)));
            case "date_order:registered_on" -> {
                row[APPLIED_ON] = null;
                row[REGISTERED_ON] = messy.date(random, formedOn.minusDays(Draws.between(random, 5, 200)));
            }
            case "date_order:applied_on" -> {
                row[APPLIED_ON] = messy.date(random, formedOn.minusDays(Draws.between(random, 3, 90)));
                row[REGISTERED_ON] = null;
                row[CERTIFICATE] = null;
            }
            default -> throw unknown(Dataset.COOPERATIVES, reason);
        }
        return BadRow.of(reason, row);
    }

    BadRow member(String reason, String[] valid, MemberStory member, Supplier<String> newMemberId, Supplier<String> unknownCooperativeId,
            SplittableRandom random)
    {
        String[] row = copyOfDependentRow(reason, valid, Dataset.MEMBERS, "member_id", "joined_on", newMemberId, random);
        LocalDate joinedOn = member.joinedOn();
        switch (reason) {
            case "malformed_row" -> {
                String[] parts = member.fullName().split(" ", 2);
                return BadRow.malformed(row, FULL_NAME, parts[0], " " + (parts.length > 1 ? parts[1] : "Marie"));
            }
            case "missing_required:member_id" -> row[MEMBER_ID] = blank(random);
            case "missing_required:cooperative_id" -> row[MEMBER_COOPERATIVE] = blank(random);
            case "missing_required:joined_on" -> {
                row[JOINED_ON] = blank(random);
                row[LEFT_ON] = null;
            }
            case "invalid_date:joined_on" -> {
                row[JOINED_ON] = MessyValues.invalidDate(random, joinedOn);
                row[LEFT_ON] = null;
            }
            case "invalid_date:left_on" -> row[LEFT_ON] = MessyValues.invalidDate(random, joinedOn.plusDays(90));
            case "invalid_value:sex" -> row[SEX] = Draws.pick(random, INVALID_SEX);
            case "invalid_value:birth_year" -> row[BIRTH_YEAR] = switch (random.nextInt(5)) {
                case 0 -> "19eighty";
                case 1 -> "1899";
                case 2 -> Integer.toString(member.birthYear() % 100);
                case 3 -> Integer.toString(joinedOn.getYear() - Draws.between(random, 6, 13));
                default -> Integer.toString(asOf.getYear() + Draws.between(random, 1, 3));
            };
            case "invalid_value:disability" -> row[DISABILITY] = Draws.pick(random, INVALID_DISABILITY);
            case "date_in_future:joined_on" -> {
                row[JOINED_ON] = messy.date(random, asOf.plusDays(Draws.between(random, 5, 90)));
                row[LEFT_ON] = null;
            }
            case "date_order:left_on" -> row[LEFT_ON] = messy.date(random, joinedOn.minusDays(Draws.between(random, 1, 90)));
            case "unknown_cooperative" -> row[MEMBER_COOPERATIVE] = unknownCooperativeId.get();
            default -> throw unknown(Dataset.MEMBERS, reason);
        }
        return BadRow.of(reason, row);
    }

    BadRow attendance(String reason, String[] valid, LocalDate heldOn, Supplier<String> futureSessionId, Supplier<String> unknownCooperativeId,
            SplittableRandom random)
    {
        String[] row = valid.clone();
        switch (reason) {
            case "malformed_row" -> {
                return BadRow.malformed(row, FACILITATOR, "Mugabo", " Alexis (BDC)");
            }
            case "missing_required:session_id" -> row[SESSION_ID] = blank(random);
            case "missing_required:held_on" -> row[HELD_ON] = blank(random);
            case "missing_required:district" -> row[SESSION_DISTRICT] = blank(random);
            case "missing_required:topic" -> row[TOPIC] = blank(random);
            case "missing_required:cooperative_id" -> row[ATTENDEE_COOPERATIVE] = blank(random);
            case "invalid_date:held_on" -> row[HELD_ON] = MessyValues.invalidDate(random, heldOn);
            case "unknown_district" -> row[SESSION_DISTRICT] = Draws.pick(random, UNKNOWN_DISTRICTS);
            case "unknown_topic" -> row[TOPIC] = Draws.pick(random, UNKNOWN_TOPICS);
            case "unknown_cooperative" -> row[ATTENDEE_COOPERATIVE] = unknownCooperativeId.get();
            case "date_in_future:held_on" -> {
                row[SESSION_ID] = futureSessionId.get();
                row[HELD_ON] = messy.date(random, asOf.plusDays(Draws.between(random, 3, 60)));
            }
            default -> throw unknown(Dataset.TRAININGS, reason);
        }
        return BadRow.of(reason, row);
    }

    BadRow visit(String reason, String[] valid, LocalDate visitedOn, Supplier<String> newVisitId, Supplier<String> unknownCooperativeId,
            SplittableRandom random)
    {
        String[] row = copyOfDependentRow(reason, valid, Dataset.COACHING, "visit_id", "visited_on", newVisitId, random);
        switch (reason) {
            case "malformed_row" -> {
                return BadRow.malformed(row, NOTES, "Met the chair", " books up to date.");
            }
            case "missing_required:visit_id" -> row[VISIT_ID] = blank(random);
            case "missing_required:cooperative_id" -> row[VISITED_COOPERATIVE] = blank(random);
            case "missing_required:visited_on" -> row[VISITED_ON] = blank(random);
            case "invalid_date:visited_on" -> row[VISITED_ON] = MessyValues.invalidDate(random, visitedOn);
            case "invalid_date:follow_up_due" -> row[FOLLOW_UP_DUE] = MessyValues.invalidDate(random, visitedOn.plusDays(30));
            case "invalid_value:maturity_score" -> row[MATURITY_SCORE] = Draws.pick(random, INVALID_MATURITY_SCORES);
            case "unknown_topic" -> row[TOPICS] = Draws.pick(random, Topics.ALL) + ";" + Draws.pick(random, UNKNOWN_TOPICS);
            case "unknown_cooperative" -> row[VISITED_COOPERATIVE] = unknownCooperativeId.get();
            case "date_in_future:visited_on" -> {
                row[VISITED_ON] = messy.date(random, asOf.plusDays(Draws.between(random, 3, 60)));
                row[FOLLOW_UP_DUE] = null;
            }
            default -> throw unknown(Dataset.COACHING, reason);
        }
        return BadRow.of(reason, row);
    }

    /**
     * A copy of a valid member or visit row (a record that points to a cooperative) that takes a new key for an unknown
     * cooperative, for a date in the future on {@code dateColumn}, and half the time otherwise; never when the reason is
     * its missing key.
     */
    private static String[] copyOfDependentRow(String reason, String[] valid, Dataset dataset, String keyColumn, String dateColumn,
            Supplier<String> newKey, SplittableRandom random)
    {
        String[] row = valid.clone();
        boolean ownKey = reason.equals("unknown_cooperative") || reason.equals("date_in_future:" + dateColumn) || random.nextBoolean();
        if (!reason.equals("missing_required:" + keyColumn) && ownKey) {
            row[dataset.column(keyColumn)] = newKey.get();
        }
        return row;
    }

    // Missing is written three ways: an empty field, a field of spaces, or (JSON) null.
    private static String blank(SplittableRandom random)
    {
        return switch (random.nextInt(3)) {
            case 0 -> "";
            case 1 -> "  ";
            default -> null;
        };
    }

    private static void clearMilestones(String[] row)
    {
        row[APPLIED_ON] = null;
        row[REGISTERED_ON] = null;
        row[CERTIFICATE] = null;
        row[BDC_LINKED_ON] = null;
        row[UNION_AFFILIATED_ON] = null;
    }

    private static IllegalArgumentException unknown(Dataset dataset, String reason)
    {
        return new IllegalArgumentException("no bad " + dataset.folder() + " row for reason " + reason);
    }
}
