package org.jijukirwa.generator;

import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/**
 * The true story of one membership (one person in one cooperative).
 *
 * @param number position in the cooperative's register; 1-5 form its committee
 * @param sex F or M
 * @param sexRecorded whether the register holds the sex (else written empty: unknown)
 * @param birthYear true birth year; {@code birthYearRecorded} says whether the register holds it
 * @param nationalId 16-digit national id, null when the register has none
 * @param disability null when the register does not say
 * @param leftOn null while still a member at the end of the period
 * @param correctedOn when a first record without sex was completed; null when it was complete
 */
record MemberStory(
        int number,
        String memberId,
        char sex,
        boolean sexRecorded,
        int birthYear,
        boolean birthYearRecorded,
        String nationalId,
        String fullName,
        String phone,
        Boolean disability,
        LocalDate joinedOn,
        LocalDate leftOn,
        LocalDate correctedOn)
{
    MemberStory
    {
        requireNonNull(memberId, "memberId is null");
        requireNonNull(fullName, "fullName is null");
        requireNonNull(joinedOn, "joinedOn is null");
    }

    boolean isActiveOn(LocalDate date)
    {
        return !joinedOn.isAfter(date) && (leftOn == null || leftOn.isAfter(date));
    }
}
