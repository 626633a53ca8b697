package org.jijukirwa.generator;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * One generation: cooperative by cooperative, district by district, writes
 * each cooperative's record versions, its members, the attendances it sends
 * to its district's training sessions and its coaching visits. Only one
 * cooperative's members are in memory at a time.
 */
final class GenerationRun
{
    private static final long COOPERATIVE_SALT = 0xC00FL;
    private static final long REASON_ORDER_SALT = 0x4EA5L;
    private static final int COOPERATIVE_COLUMNS = Dataset.COOPERATIVES.columns().size();
    private static final int MEMBER_COLUMNS = Dataset.MEMBERS.columns().size();
    private static final int TRAINING_COLUMNS = Dataset.TRAININGS.columns().size();
    private static final int COACHING_COLUMNS = Dataset.COACHING.columns().size();

    private final long seed;
    private final PresetParameters parameters;
    private final int[] cooperativesPerDistrict;
    private final OutputFiles files;
    private final Stories stories;
    private final SessionCalendar calendar;
    private final MessyValues messy;
    private final BadRows badRows;
    private final Map<Dataset, List<String>> reasonOrder = new EnumMap<>(Dataset.class);
    private final long[] reasonCounters = new long[Dataset.values().length];
    private final long[] currentKeys = new long[Dataset.values().length];
    private final int[] newCooperativeIds;
    private final int[] unknownCooperativeIds;
    private final int[] futureSessionIds;
    private final int firstYear;
    private final int lastYear;
    private long visitCounter;

    GenerationRun(Path root, long seed, PresetParameters parameters)
    {
        this.seed = seed;
        this.parameters = requireNonNull(parameters, "parameters is null");
        this.cooperativesPerDistrict = Districts.allocate(parameters.cooperatives());
        this.firstYear = parameters.start().getYear();
        this.lastYear = parameters.end().getYear();
        this.files = new OutputFiles(root, firstYear, lastYear, seed);
        this.stories = new Stories(seed, parameters, cooperativesPerDistrict);
        // Sessions start four weeks in, once each district's first cooperative exists.
        this.calendar = new SessionCalendar(seed, cooperativesPerDistrict, parameters.sessionsPerCooperativeYear(),
                parameters.start().plusDays(28), parameters.end());
        this.messy = new MessyValues(parameters.messyShare());
        this.badRows = new BadRows(parameters.asOf(), messy);
        int districts = Districts.ALL.size();
        this.newCooperativeIds = new int[districts];
        this.unknownCooperativeIds = new int[districts];
        this.futureSessionIds = new int[districts];
        for (Dataset dataset : Dataset.values()) {
            List<String> reasons = new ArrayList<>(dataset.injectedReasons());
            SplittableRandom random = Seeds.random(seed, REASON_ORDER_SALT, dataset.ordinal());
            for (int index = reasons.size() - 1; index > 0; index--) {
                int other = random.nextInt(index + 1);
                reasons.set(index, reasons.set(other, reasons.get(index)));
            }
            reasonOrder.put(dataset, reasons);
        }
    }

    void run()
    {
        try {
            for (int districtIndex = 0; districtIndex < Districts.ALL.size(); districtIndex++) {
                for (int number = 1; number <= cooperativesPerDistrict[districtIndex]; number++) {
                    generateCooperative(districtIndex, number);
                }
            }
        }
        finally {
            files.close();
        }
    }

    OutputFiles files()
    {
        return files;
    }

    long currentKeys(Dataset dataset)
    {
        return currentKeys[dataset.ordinal()];
    }

    private void generateCooperative(int districtIndex, int number)
    {
        SplittableRandom random = Seeds.random(seed, COOPERATIVE_SALT, districtIndex, number);
        CooperativeStory cooperative = stories.cooperative(random, districtIndex, number);
        writeVersions(Dataset.COOPERATIVES, cooperativeVersions(cooperative, random), random,
                (reason, values) -> badRows.cooperative(reason, values, cooperative, () -> newCooperativeId(cooperative), random));

        List<MemberStory> members = stories.members(random, cooperative);
        int[] newMemberIds = new int[1];
        for (MemberStory member : members) {
            writeVersions(Dataset.MEMBERS, memberVersions(cooperative, member, random), random,
                    (reason, values) -> badRows.member(reason, values, member,
                            () -> cooperative.memberPrefix() + "-B" + Text.pad(++newMemberIds[0], 3), () -> unknownCooperativeId(cooperative), random));
        }
        writeAttendances(cooperative, members, random);
        writeVisits(cooperative, random);
    }

    // ---- cooperatives ----

    private List<Version> cooperativeVersions(CooperativeStory cooperative, SplittableRandom random)
    {
        String id = messy.identifier(random, cooperative.cooperativeId());
        String district = messy.district(random, cooperative.district());
        String valueChain = messy.valueChain(random, cooperative.valueChain());
        String sector = Draws.chance(random, 0.8) ? cooperative.sector() : null;
        String formedOn = messy.date(random, cooperative.formedOn());
        String appliedOn = dateOrNull(random, cooperative.appliedOn());
        String registeredOn = dateOrNull(random, cooperative.registeredOn());
        String bdcLinkedOn = dateOrNull(random, cooperative.bdcLinkedOn());
        String unionAffiliatedOn = dateOrNull(random, cooperative.unionAffiliatedOn());
        boolean draftName = random.nextBoolean();
        ValueChain wrongValueChain = ValueChain.at(random.nextDouble());
        if (wrongValueChain == cooperative.valueChain()) {
            wrongValueChain = ValueChain.values()[(wrongValueChain.ordinal() + 1) % ValueChain.values().length];
        }

        TreeSet<LocalDate> changes = new TreeSet<>();
        for (LocalDate date : Arrays.asList(cooperative.formedOn(), cooperative.appliedOn(), cooperative.registeredOn(),
                cooperative.bdcLinkedOn(), cooperative.unionAffiliatedOn(), cooperative.correctedOn())) {
            if (date != null) {
                changes.add(date);
            }
        }
        List<Version> versions = new ArrayList<>();
        for (LocalDate date : changes) {
            boolean beforeCorrection = cooperative.correctedOn() != null && date.isBefore(cooperative.correctedOn());
            String[] values = new String[COOPERATIVE_COLUMNS];
            values[0] = id;
            values[1] = beforeCorrection && draftName ? cooperative.name() + " (draft)" : cooperative.name();
            values[2] = district;
            values[3] = sector;
            values[4] = beforeCorrection && !draftName ? wrongValueChain.code() : valueChain;
            values[5] = formedOn;
            values[6] = happened(cooperative.appliedOn(), date) ? appliedOn : null;
            boolean registered = happened(cooperative.registeredOn(), date);
            values[7] = registered ? registeredOn : null;
            values[8] = registered ? cooperative.certificateNumber() : null;
            values[9] = happened(cooperative.bdcLinkedOn(), date) ? bdcLinkedOn : null;
            values[10] = happened(cooperative.unionAffiliatedOn(), date) ? unionAffiliatedOn : null;
            values[11] = messy.timestamp(random, date);
            versions.add(new Version(date, values));
        }
        return versions;
    }

    private String newCooperativeId(CooperativeStory cooperative)
    {
        int offset = 500 + newCooperativeIds[cooperative.districtIndex()]++;
        return Stories.cooperativeId(cooperative.district(), cooperativesPerDistrict[cooperative.districtIndex()] + offset);
    }

    // An id no cooperative record will ever have: rows naming it stay unknown_cooperative.
    private String unknownCooperativeId(CooperativeStory cooperative)
    {
        int offset = 5000 + unknownCooperativeIds[cooperative.districtIndex()]++;
        return Stories.cooperativeId(cooperative.district(), cooperativesPerDistrict[cooperative.districtIndex()] + offset);
    }

    // ---- members ----

    private List<Version> memberVersions(CooperativeStory cooperative, MemberStory member, SplittableRandom random)
    {
        String[] first = new String[MEMBER_COLUMNS];
        first[0] = messy.identifier(random, member.memberId());
        first[1] = messy.identifier(random, cooperative.cooperativeId());
        first[2] = member.nationalId();
        first[3] = member.fullName();
        first[4] = member.phone();
        String sex = messy.sex(random, member.sexRecorded() ? member.sex() : 'U');
        first[5] = member.correctedOn() != null ? null : sex;
        first[6] = member.birthYearRecorded() ? Integer.toString(member.birthYear()) : null;
        first[7] = member.disability() == null ? null : messy.bool(random, member.disability());
        first[8] = messy.date(random, member.joinedOn());
        first[9] = null;
        first[10] = messy.timestamp(random, member.joinedOn());
        List<Version> versions = new ArrayList<>(3);
        versions.add(new Version(member.joinedOn(), first));
        String[] latest = first;
        if (member.correctedOn() != null) {
            latest = latest.clone();
            latest[5] = sex;
            latest[10] = messy.timestamp(random, member.correctedOn());
            versions.add(new Version(member.correctedOn(), latest));
        }
        if (member.leftOn() != null) {
            LocalDate recordedOn = member.leftOn().plusDays(random.nextInt(8));
            if (recordedOn.isAfter(parameters.end())) {
                recordedOn = parameters.end();
            }
            latest = latest.clone();
            latest[9] = messy.date(random, member.leftOn());
            latest[10] = messy.timestamp(random, recordedOn);
            versions.add(new Version(recordedOn, latest));
        }
        return versions;
    }

    // ---- training attendance ----

    private void writeAttendances(CooperativeStory cooperative, List<MemberStory> members, SplittableRandom random)
    {
        int district = cooperative.districtIndex();
        LocalDate firstPossible = cooperative.formedOn().plusDays(7);
        for (int year = Math.max(firstYear, firstPossible.getYear()); year <= lastYear; year++) {
            int sessions = calendar.sessionCount(district, year);
            int first = calendar.firstSessionOnOrAfter(district, year, firstPossible);
            int eligible = sessions - first;
            if (eligible <= 0) {
                continue;
            }
            double expected = parameters.attendedSessionsPerCooperativeYear() * eligible / sessions;
            int attended = Math.min(eligible, Draws.poisson(random, expected));
            TreeSet<Integer> picks = new TreeSet<>();
            // Floyd's sampling: distinct indices without a list of all candidates.
            for (int candidate = eligible - attended; candidate < eligible; candidate++) {
                int drawn = random.nextInt(candidate + 1);
                picks.add(first + (picks.contains(first + drawn) ? candidate : drawn));
            }
            if (cooperative.anchor()) {
                for (int third = 0; third < 3; third++) {
                    picks.add(first + third * eligible / 3);
                }
            }
            for (int index : picks) {
                attend(cooperative, members, year, index, random);
            }
        }
    }

    private void attend(CooperativeStory cooperative, List<MemberStory> members, int year, int index, SplittableRandom random)
    {
        int district = cooperative.districtIndex();
        LocalDate heldOn = calendar.sessionDate(district, year, index);
        // Registers are in number order, so the committee (numbers 1-5) comes first among those present.
        List<MemberStory> present = new ArrayList<>();
        int committee = 0;
        for (MemberStory member : members) {
            if (member.isActiveOn(heldOn)) {
                present.add(member);
                committee += member.number() <= 5 ? 1 : 0;
            }
        }
        List<String[]> attendees = new ArrayList<>();
        boolean unregisteredAttendee = false;
        if (!present.isEmpty() && Draws.chance(random, 0.9)) {
            int representative = random.nextInt(committee > 0 ? committee : present.size());
            attendees.add(new String[] {takeAt(present, representative).memberId(), "representative"});
        }
        else {
            attendees.add(new String[] {null, "representative"});
            unregisteredAttendee = true;
        }
        if (!present.isEmpty() && Draws.chance(random, 0.5)) {
            attendees.add(new String[] {takeAt(present, random.nextInt(present.size())).memberId(), "leader"});
        }
        for (int extra = random.nextInt(parameters.maximumExtraAttendees() + 1); extra > 0 && !present.isEmpty(); extra--) {
            attendees.add(new String[] {takeAt(present, random.nextInt(present.size())).memberId(), "member"});
        }
        if (!unregisteredAttendee && Draws.chance(random, 0.1)) {
            attendees.add(new String[] {null, "local_leader"});
        }

        String sessionId = calendar.sessionId(cooperative.district(), year, index);
        String topic = calendar.topic(district, year, index);
        String facilitator = calendar.facilitator(district, year, index);
        for (String[] attendee : attendees) {
            String[] values = new String[TRAINING_COLUMNS];
            values[0] = sessionId;
            values[1] = messy.date(random, heldOn);
            values[2] = messy.district(random, cooperative.district());
            values[3] = topic;
            values[4] = messy.identifier(random, cooperative.cooperativeId());
            values[5] = attendee[0];
            values[6] = attendee[1];
            values[7] = facilitator;
            LocalDate recordedOn = heldOn;
            if (Draws.chance(random, 0.6)) {
                recordedOn = earliest(heldOn.plusDays(random.nextInt(11)), parameters.end());
                values[8] = messy.timestamp(random, recordedOn);
            }
            List<Version> versions = new ArrayList<>(2);
            versions.add(new Version(recordedOn, values));
            // Now and then the role is corrected later (needs an updated_at to win).
            if (values[8] != null && attendee[0] != null && Draws.chance(random, 0.015)) {
                LocalDate correctedOn = recordedOn.plusDays(Draws.between(random, 1, 20));
                if (!correctedOn.isAfter(parameters.end())) {
                    String[] corrected = values.clone();
                    corrected[6] = attendee[1].equals("leader") ? "member" : "leader";
                    corrected[8] = messy.timestamp(random, correctedOn);
                    versions.add(new Version(correctedOn, corrected));
                }
            }
            writeVersions(Dataset.TRAININGS, versions, random,
                    (reason, row) -> badRows.attendance(reason, row, heldOn, () -> futureSessionId(cooperative), () -> unknownCooperativeId(cooperative), random));
        }
    }

    // Removes in constant time by moving the last element into the gap.
    private static MemberStory takeAt(List<MemberStory> list, int index)
    {
        MemberStory taken = list.get(index);
        list.set(index, list.get(list.size() - 1));
        list.remove(list.size() - 1);
        return taken;
    }

    private String futureSessionId(CooperativeStory cooperative)
    {
        int next = ++futureSessionIds[cooperative.districtIndex()];
        return "TRN-" + cooperative.district().abbreviation() + "-" + parameters.asOf().plusDays(60).getYear() + "-P" + Text.pad(next, 3);
    }

    // ---- coaching visits ----

    private void writeVisits(CooperativeStory cooperative, SplittableRandom random)
    {
        LocalDate from = cooperative.formedOn().plusDays(14);
        long days = ChronoUnit.DAYS.between(from, parameters.end()) + 1;
        if (days <= 0) {
            return;
        }
        int count = Draws.poisson(random, parameters.visitsPerCooperativeYear() * days / 365.25);
        long[] offsets = new long[count];
        for (int index = 0; index < count; index++) {
            offsets[index] = (long) (random.nextDouble() * days);
        }
        Arrays.sort(offsets);
        int base = Draws.between(random, 15, 40);
        int step = Draws.between(random, 2, 7);
        List<String> coaches = Names.COACHES_BY_PROVINCE.get(Integer.parseInt(cooperative.district().provinceCode()) - 1);
        for (int index = 0; index < count; index++) {
            LocalDate visitedOn = from.plusDays(offsets[index]);
            String[] values = new String[COACHING_COLUMNS];
            values[0] = "VIS-" + Text.pad(++visitCounter, 6);
            values[1] = messy.identifier(random, cooperative.cooperativeId());
            values[2] = messy.date(random, visitedOn);
            values[3] = Draws.pick(random, coaches);
            values[4] = topics(random);
            int score = Math.max(0, Math.min(100, base + index * step + Draws.between(random, -8, 8)));
            values[5] = Draws.chance(random, 0.12) ? null : Integer.toString(score);
            if (Draws.chance(random, 0.75)) {
                LocalDate due = visitedOn.plusDays(Draws.between(random, 14, 90));
                values[6] = due.isAfter(parameters.end()) ? null : messy.date(random, due);
            }
            values[7] = Draws.chance(random, 0.5) ? Names.visitNote(random) : null;
            LocalDate recordedOn = earliest(visitedOn.plusDays(random.nextInt(6)), parameters.end());
            values[8] = messy.timestamp(random, recordedOn);
            List<Version> versions = new ArrayList<>(2);
            versions.add(new Version(recordedOn, values));
            if (Draws.chance(random, 0.06)) {
                LocalDate editedOn = recordedOn.plusDays(Draws.between(random, 3, 40));
                if (!editedOn.isAfter(parameters.end())) {
                    String[] edited = values.clone();
                    if (edited[5] == null) {
                        edited[5] = Integer.toString(score);
                    }
                    else {
                        edited[7] = Names.visitNote(random);
                    }
                    edited[8] = messy.timestamp(random, editedOn);
                    versions.add(new Version(editedOn, edited));
                }
            }
            writeVersions(Dataset.COACHING, versions, random,
                    (reason, row) -> badRows.visit(reason, row, visitedOn, () -> "VIS-" + Text.pad(++visitCounter, 6),
                            () -> unknownCooperativeId(cooperative), random));
        }
    }

    private static String topics(SplittableRandom random)
    {
        int count = Draws.between(random, 1, 3);
        List<String> chosen = new ArrayList<>(count);
        while (chosen.size() < count) {
            String topic = Draws.pick(random, Topics.ALL);
            if (!chosen.contains(topic)) {
                chosen.add(topic);
            }
        }
        return String.join(Draws.pick(random, List.of(";", ";", "; ", " ")), chosen);
    }

    // ---- writing, repeats and bad rows ----

    private record Version(LocalDate recordedOn, String[] values)
    {
    }

    private interface BadRowSource
    {
        BadRow build(String reason, String[] validValues);
    }

    /**
     * Writes the versions of one key, each into the file of the year it was
     * recorded; now and then the version still current a year later is
     * exported again, identically, into that next year's file.
     */
    private void writeVersions(Dataset dataset, List<Version> versions, SplittableRandom random, BadRowSource badRowSource)
    {
        for (int index = 0; index < versions.size(); index++) {
            Version version = versions.get(index);
            int year = version.recordedOn().getYear();
            RecordFile file = files.file(dataset, year);
            file.write(version.values());
            if (index > 0) {
                file.tally().countSupersedingRow();
            }
            maybeInjectBadRow(dataset, file, version.values(), random, badRowSource);
            boolean currentAfterYear = index == versions.size() - 1 || versions.get(index + 1).recordedOn().getYear() > year;
            if (year < lastYear && currentAfterYear && Draws.chance(random, parameters.repeatShares().of(dataset))) {
                RecordFile next = files.file(dataset, year + 1);
                next.write(version.values());
                next.tally().countIdenticalRepeat();
            }
        }
        currentKeys[dataset.ordinal()]++;
    }

    private void maybeInjectBadRow(Dataset dataset, RecordFile file, String[] values, SplittableRandom random, BadRowSource badRowSource)
    {
        if (!Draws.chance(random, parameters.badShares().of(dataset))) {
            return;
        }
        List<String> reasons = reasonOrder.get(dataset);
        String reason = reasons.get((int) (reasonCounters[dataset.ordinal()]++ % reasons.size()));
        BadRow bad = badRowSource.build(reason, values);
        if (bad.isMalformed()) {
            file.writeMalformed(bad.values(), bad.malformedColumn(), bad.before(), bad.after());
        }
        else {
            file.write(bad.values());
        }
        file.tally().countBadRow(reason);
    }

    private String dateOrNull(SplittableRandom random, LocalDate date)
    {
        return date == null ? null : messy.date(random, date);
    }

    private static boolean happened(LocalDate milestone, LocalDate asOf)
    {
        return milestone != null && !milestone.isAfter(asOf);
    }

    private static LocalDate earliest(LocalDate first, LocalDate second)
    {
        return first.isAfter(second) ? second : first;
    }
}
