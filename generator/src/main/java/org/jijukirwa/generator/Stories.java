package org.jijukirwa.generator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;

/**
 * Draws the true histories of cooperatives and their members: formation over
 * the period, registration and BDC and union milestones that take months to
 * years and do not always happen, members joining and leaving, and a pool of
 * people per district who belong to more than one cooperative.
 */
final class Stories
{
    private static final double SHARED_PERSON_SHARE = 0.025;
    private static final long POOL_SALT = 0x9001L;
    private static final long POOL_PERSON_NUMBERS = 900_000_000L;
    private static final long THIRTY_BITS = (1L << 30) - 1;

    private final long seed;
    private final PresetParameters parameters;
    private final int[] cooperativesPerDistrict;
    private final long periodDays;
    private final long nationalIdKey;
    private long personCounter;

    Stories(long seed, PresetParameters parameters, int[] cooperativesPerDistrict)
    {
        this.seed = seed;
        this.parameters = requireNonNull(parameters, "parameters is null");
        this.cooperativesPerDistrict = cooperativesPerDistrict.clone();
        this.periodDays = ChronoUnit.DAYS.between(parameters.start(), parameters.end()) + 1;
        this.nationalIdKey = Seeds.mix(seed, 0x1DL) & THIRTY_BITS;
    }

    static String cooperativeId(District district, int number)
    {
        return "COOP-" + district.abbreviation() + "-" + Text.pad(number, 4);
    }

    CooperativeStory cooperative(SplittableRandom random, int districtIndex, int number)
    {
        District district = Districts.ALL.get(districtIndex);
        LocalDate end = parameters.end();
        boolean anchor = number == 1;
        LocalDate formedOn;
        if (anchor) {
            formedOn = parameters.start().plusDays(random.nextInt(21));
        }
        else {
            // Density falling linearly over the first 90% of the period: most groups form early.
            double position = 0.9 * (1 - StrictMath.sqrt(1 - random.nextDouble()));
            formedOn = parameters.start().plusDays((long) (position * periodDays));
            if (formedOn.isAfter(end.minusDays(60))) {
                formedOn = end.minusDays(60);
            }
        }
        ValueChain chain = ValueChain.at(random.nextDouble());
        String sector = Draws.pick(random, district.sectors());
        String name = Names.cooperativeName(random, chain, sector);

        LocalDate appliedOn = Draws.chance(random, 0.78) ? by(end, formedOn.plusDays(14 + (long) Draws.exponential(random, 90))) : null;
        LocalDate registeredOn = appliedOn != null && Draws.chance(random, 0.85)
                ? by(end, appliedOn.plusDays(20 + (long) Draws.exponential(random, 150))) : null;
        String certificate = registeredOn != null && Draws.chance(random, 0.92)
                ? "RCA/" + Text.pad(random.nextInt(10_000), 4) + "/" + registeredOn.getYear() : null;
        LocalDate bdcLinkedOn = Draws.chance(random, 0.55) ? by(end, formedOn.plusDays(30 + (long) Draws.exponential(random, 300))) : null;
        LocalDate unionAffiliatedOn = Draws.chance(random, 0.45) ? by(end, formedOn.plusDays(60 + (long) Draws.exponential(random, 400))) : null;

        LocalDate correctedOn = null;
        if (Draws.chance(random, 0.06)) {
            LocalDate candidate = formedOn.plusDays(Draws.between(random, 1, 20));
            if (isBeforeAll(candidate, appliedOn, registeredOn, bdcLinkedOn, unionAffiliatedOn) && !candidate.isAfter(end)) {
                correctedOn = candidate;
            }
        }
        return new CooperativeStory(districtIndex, district, number, cooperativeId(district, number), chain, sector, name, formedOn,
                appliedOn, registeredOn, certificate, bdcLinkedOn, unionAffiliatedOn, correctedOn, anchor);
    }

    List<MemberStory> members(SplittableRandom random, CooperativeStory cooperative)
    {
        LocalDate end = parameters.end();
        int count = Draws.between(random, parameters.minimumMembers(), parameters.maximumMembers());
        int founders = Math.max(5, (int) StrictMath.round(count * 0.6));
        long laterWindow = Math.max(1, ChronoUnit.DAYS.between(cooperative.formedOn().plusDays(30), end));
        int poolSize = poolSize(cooperative.districtIndex());
        Set<Integer> poolSlotsUsed = new HashSet<>();
        List<MemberStory> members = new ArrayList<>(count);
        for (int number = 1; number <= count; number++) {
            LocalDate joinedOn = number <= founders
                    ? cooperative.formedOn().plusDays(Draws.between(random, 0, 45))
                    : cooperative.formedOn().plusDays(30 + (long) (random.nextDouble() * laterWindow));
            if (joinedOn.isAfter(end)) {
                joinedOn = end;
            }

            Person person = null;
            if (Draws.chance(random, SHARED_PERSON_SHARE)) {
                int slot = random.nextInt(poolSize);
                if (poolSlotsUsed.add(slot)) {
                    person = pooledPerson(cooperative.districtIndex(), slot);
                }
            }
            if (person == null) {
                person = newPerson(random, cooperative.valueChain(), joinedOn.getYear());
            }
            boolean sexRecorded = !Draws.chance(random, 0.03);
            boolean birthYearRecorded = !Draws.chance(random, 0.04);
            String phone = Draws.chance(random, 0.8) ? person.phone() : null;
            Boolean disability = Draws.chance(random, 0.65) ? null : Draws.chance(random, 0.05);
            LocalDate leftOn = null;
            if (Draws.chance(random, 0.14)) {
                LocalDate candidate = joinedOn.plusDays(60 + (long) Draws.exponential(random, 400));
                leftOn = candidate.isAfter(end) ? null : candidate;
            }
            LocalDate correctedOn = null;
            if (sexRecorded && Draws.chance(random, 0.04)) {
                LocalDate candidate = joinedOn.plusDays(Draws.between(random, 2, 20));
                if (!candidate.isAfter(end) && (leftOn == null || candidate.isBefore(leftOn))) {
                    correctedOn = candidate;
                }
            }
            members.add(new MemberStory(number, cooperative.memberPrefix() + "-" + Text.pad(number, 3), person.sex(), sexRecorded,
                    person.birthYear(), birthYearRecorded, person.nationalId(), person.fullName(), phone, disability, joinedOn, leftOn,
                    correctedOn));
        }
        return members;
    }

    private record Person(char sex, int birthYear, String nationalId, String fullName, String phone)
    {
    }

    private Person newPerson(SplittableRandom random, ValueChain chain, int joinedYear)
    {
        char sex = Draws.chance(random, chain.womenShare()) ? 'F' : 'M';
        int birthYear = joinedYear - ageAtJoining(random);
        String nationalId = Draws.chance(random, 0.08) ? null : nationalId(birthYear, sex, personCounter);
        personCounter++;
        return new Person(sex, birthYear, nationalId, Names.fullName(random, sex), Names.phone(random));
    }

    // The same person (same national id, name, phone) whichever cooperative draws the slot.
    private Person pooledPerson(int districtIndex, int slot)
    {
        SplittableRandom random = Seeds.random(seed, POOL_SALT, districtIndex, slot);
        char sex = Draws.chance(random, 0.55) ? 'F' : 'M';
        int birthYear = parameters.start().getYear() - Draws.between(random, 18, 55);
        long personNumber = POOL_PERSON_NUMBERS + districtIndex * 1_000_000L + slot;
        return new Person(sex, birthYear, nationalId(birthYear, sex, personNumber), Names.fullName(random, sex), Names.phone(random));
    }

    // Enough slots that a drawn person is in about 1.5 cooperatives on average.
    private int poolSize(int districtIndex)
    {
        double meanMembers = (parameters.minimumMembers() + parameters.maximumMembers()) / 2.0;
        return (int) Math.max(1, StrictMath.round(cooperativesPerDistrict[districtIndex] * meanMembers * SHARED_PERSON_SHARE / 1.5));
    }

    /** Youth-heavy, 17 to 70: every member is at least 16 on the day they join. */
    private static int ageAtJoining(SplittableRandom random)
    {
        double draw = random.nextDouble();
        if (draw < 0.45) {
            return Draws.between(random, 17, 30);
        }
        if (draw < 0.80) {
            return Draws.between(random, 31, 45);
        }
        if (draw < 0.97) {
            return Draws.between(random, 46, 60);
        }
        return Draws.between(random, 61, 70);
    }

    /**
     * The Rwandan 16-digit layout: 1, birth year, 8 (male) or 7 (female), a
     * 7-digit serial, an issue digit and 2 check digits. Serial and check
     * digits come from a keyed bijection of the person number, so ids look
     * random but never collide.
     */
    String nationalId(int birthYear, char sex, long personNumber)
    {
        String digits = Text.pad(scramble(personNumber), 9);
        return "1" + birthYear + (sex == 'F' ? "7" : "8") + digits.substring(0, 7) + "0" + digits.substring(7);
    }

    // A bijection of [0, 10^9): invertible steps on 30 bits, walking the cycle until the value is below 10^9.
    private long scramble(long personNumber)
    {
        long value = personNumber;
        do {
            value ^= nationalIdKey;
            value ^= value >>> 15;
            value = (value * 0x2C1B3C6DL) & THIRTY_BITS;
            value ^= value >>> 12;
            value = (value * 0x297A2D39L) & THIRTY_BITS;
            value ^= value >>> 15;
        }
        while (value >= 1_000_000_000L);
        return value;
    }

    private static LocalDate by(LocalDate end, LocalDate date)
    {
        return date.isAfter(end) ? null : date;
    }

    private static boolean isBeforeAll(LocalDate candidate, LocalDate... others)
    {
        for (LocalDate other : others) {
            if (other != null && !candidate.isBefore(other)) {
                return false;
            }
        }
        return true;
    }
}
