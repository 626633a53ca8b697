package org.jijukirwa.generator;

import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/**
 * The true history of one cooperative, from which its records are written.
 * Milestones are null when they had not happened by the end of the period.
 *
 * @param correctedOn when a first, wrong record (a draft name or a wrong value chain) was corrected; null when it was right
 * @param anchor the district's first cooperative, formed in the first weeks and present at three sessions a year
 */
record CooperativeStory(
        int districtIndex,
        District district,
        int number,
        String cooperativeId,
        ValueChain valueChain,
        String sector,
        String name,
        LocalDate formedOn,
        LocalDate appliedOn,
        LocalDate registeredOn,
        String certificateNumber,
        LocalDate bdcLinkedOn,
        LocalDate unionAffiliatedOn,
        LocalDate correctedOn,
        boolean anchor)
{
    CooperativeStory
    {
        requireNonNull(district, "district is null");
        requireNonNull(cooperativeId, "cooperativeId is null");
        requireNonNull(valueChain, "valueChain is null");
        requireNonNull(sector, "sector is null");
        requireNonNull(name, "name is null");
        requireNonNull(formedOn, "formedOn is null");
    }

    /** The prefix of this cooperative's member ids, e.g. {@code MBR-GAS-0001}. */
    String memberPrefix()
    {
        return "MBR-" + district.abbreviation() + "-" + Text.pad(number, 4);
    }
}
