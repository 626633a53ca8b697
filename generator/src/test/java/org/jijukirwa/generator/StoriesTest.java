package org.jijukirwa.generator;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class StoriesTest
{
    private final Stories stories = new Stories(1, Preset.SAMPLE.parameters(), Districts.allocate(300));

    @Test
    void nationalIdsFollowTheRwandanLayoutAndNeverCollide()
    {
        Set<String> serials = new HashSet<>();
        for (long person = 0; person < 200_000; person++) {
            String id = stories.nationalId(1990, person % 2 == 0 ? 'F' : 'M', person);
            assertThat(id).hasSize(16).startsWith(person % 2 == 0 ? "119907" : "119908");
            serials.add(id.substring(6));
        }

        assertThat(serials).hasSize(200_000);
        assertThat(stories.nationalId(1985, 'M', 900_000_000L)).matches("119858\\d{7}0\\d{2}");
    }

    @Test
    void milestonesFollowFormationAndMembersJoinAtSixteenOrOlder()
    {
        SplittableRandom random = new SplittableRandom(3);
        for (int number = 1; number <= 200; number++) {
            CooperativeStory cooperative = stories.cooperative(random, number % 30, number);
            LocalDate end = LocalDate.of(2020, 12, 31);
            assertThat(cooperative.formedOn()).isBetween(LocalDate.of(2018, 1, 1), end.minusDays(60));
            for (LocalDate milestone : new LocalDate[] {cooperative.appliedOn(), cooperative.bdcLinkedOn(), cooperative.unionAffiliatedOn()}) {
                if (milestone != null) {
                    assertThat(milestone).isAfter(cooperative.formedOn()).isBeforeOrEqualTo(end);
                }
            }
            if (cooperative.registeredOn() != null) {
                assertThat(cooperative.registeredOn()).isAfter(cooperative.appliedOn()).isBeforeOrEqualTo(end);
            }
            List<MemberStory> members = stories.members(random, cooperative);
            assertThat(members.size()).isBetween(10, 40);
            for (MemberStory member : members) {
                assertThat(member.joinedOn()).isAfterOrEqualTo(cooperative.formedOn()).isBeforeOrEqualTo(end);
                assertThat(member.joinedOn().getYear() - member.birthYear()).isGreaterThanOrEqualTo(17);
                if (member.leftOn() != null) {
                    assertThat(member.leftOn()).isAfter(member.joinedOn()).isBeforeOrEqualTo(end);
                }
            }
        }
    }

    @Test
    void theDistrictsFirstCooperativeIsFormedInTheFirstWeeks()
    {
        CooperativeStory anchor = stories.cooperative(new SplittableRandom(4), 7, 1);

        assertThat(anchor.anchor()).isTrue();
        assertThat(anchor.cooperativeId()).isEqualTo("COOP-NYM-0001");
        assertThat(anchor.formedOn()).isBetween(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 1, 21));
        assertThat(anchor.memberPrefix()).isEqualTo("MBR-NYM-0001");
    }
}
