package org.jijukirwa.warehouse;


import org.jijukirwa.warehouse.testing.ProgrammeFixture;
import org.jijukirwa.warehouse.testing.ProgrammeWarehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijukirwa.warehouse.testing.Rows.ask;
import static org.jijukirwa.warehouse.testing.Rows.count;
import static org.jijukirwa.warehouse.testing.Rows.rate;

/** The member-level indicators on {@link ProgrammeFixture}, unsuppressed (manager view). */
class MemberIndicatorsTest
{
    @RegisterExtension
    static final ProgrammeWarehouse programme = new ProgrammeWarehouse();

    @Test
    void aMemberWhoLeftOnTheDateIsNotActiveThatDay()
    {
        // M2 left on 2020-06-30 and M9 on 2020-02-01; M8's cooperative was formed on 2020-06-30
        assertThat(ask(programme.warehouse(), "members_active", "").rows()).containsExactly(count(7));
        assertThat(ask(programme.warehouse(), "members_active", "as_of=2020-06-29").rows()).containsExactly(count(7));
        // Gasabo: M1, M2, M3 (C1), M4, M5 (C2)
        assertThat(ask(programme.warehouse(), "members_active", "as_of=2020-06-29&by=district").rows()).containsExactly(
                count(5, "district", "Gasabo"),
                count(1, "district", "Huye"),
                count(1, "district", "Nyanza"));
    }

    @Test
    void membersOfACooperativeNotYetFormedAreNotActive()
    {
        // M7 joined C5 on 2019-12-01, C5 was formed on 2020-03-01; M9 leaves on 2020-02-01
        assertThat(ask(programme.warehouse(), "members_active", "as_of=2020-01-31&by=province").rows()).containsExactly(
                count(6, "province", "Kigali City"),
                count(1, "province", "Southern"));
        assertThat(ask(programme.warehouse(), "members_active", "as_of=2020-03-01&by=district").rows()).containsExactly(
                count(5, "district", "Gasabo"),
                count(1, "district", "Huye"),
                count(1, "district", "Nyanza"));
    }

    @Test
    void membersActiveBySex()
    {
        assertThat(ask(programme.warehouse(), "members_active", "by=sex").rows()).containsExactly(
                count(4, "sex", "F"),
                count(2, "sex", "M"),
                count(1, "sex", "U"));
        assertThat(ask(programme.warehouse(), "members_active", "sex=F&by=province").rows()).containsExactly(
                count(3, "province", "Kigali City"),
                count(1, "province", "Southern"));
    }

    @Test
    void ageBandsTakeTheAgeInTheYearOfTheDate()
    {
        // at 2020: M1 25, M4 25, M6 20, M8 30 | M5 60 | M7 62 | M3 unknown
        assertThat(ask(programme.warehouse(), "members_active", "by=age_band").rows()).containsExactly(
                count(4, "age_band", "16-30"),
                count(1, "age_band", "46-60"),
                count(1, "age_band", "61+"),
                count(1, "age_band", "unknown"));
        // at 2021: M8 turns 31 and M5 61
        assertThat(ask(programme.warehouse(), "members_active", "as_of=2021-01-01&by=age_band").rows()).containsExactly(
                count(3, "age_band", "16-30"),
                count(1, "age_band", "31-45"),
                count(2, "age_band", "61+"),
                count(1, "age_band", "unknown"));
        assertThat(ask(programme.warehouse(), "members_active", "age_band=61%2B,UNKNOWN").rows()).containsExactly(count(2));
    }

    @Test
    void personsReachedCountsAHashedNationalIdOnceAndEachMemberWithoutOne()
    {
        // P1 (M1, M4), M3, M5, P3, P4, P5
        assertThat(ask(programme.warehouse(), "persons_reached", "").rows()).containsExactly(count(6));
        assertThat(ask(programme.warehouse(), "persons_reached", "by=province").rows()).containsExactly(
                count(3, "province", "Kigali City"),
                count(3, "province", "Southern"));
        // P1 is in both Gasabo cooperatives: counted once in Gasabo; Huye has P3 and P5
        assertThat(ask(programme.warehouse(), "persons_reached", "by=district").rows()).containsExactly(
                count(3, "district", "Gasabo"),
                count(2, "district", "Huye"),
                count(1, "district", "Nyanza"));
        // at 2020-01-31: M1, M4 (P1), M2, M9 (P2), M3, M5, M6 (P3): seven members, five persons
        assertThat(ask(programme.warehouse(), "members_active", "as_of=2020-01-31").rows()).containsExactly(count(7));
        assertThat(ask(programme.warehouse(), "persons_reached", "as_of=2020-01-31").rows()).containsExactly(count(5));
    }

    @Test
    void memberFormalisationRate()
    {
        // M8's cooperative C6 is not registered
        assertThat(ask(programme.warehouse(), "member_formalisation_rate", "").rows()).containsExactly(rate(6, 7));
        assertThat(ask(programme.warehouse(), "member_formalisation_rate", "by=province").rows()).containsExactly(
                rate(4, 4, "province", "Kigali City"),
                rate(2, 3, "province", "Southern"));
    }

    @Test
    void womenShareLeavesUnknownSexOutOfTheDenominator()
    {
        assertThat(ask(programme.warehouse(), "women_share", "").rows()).containsExactly(rate(4, 6));
        assertThat(ask(programme.warehouse(), "women_share", "by=province").rows()).containsExactly(
                rate(3, 3, "province", "Kigali City"),
                rate(1, 3, "province", "Southern"));
        // the U cell has a zero denominator: left out
        assertThat(ask(programme.warehouse(), "women_share", "by=sex").rows()).containsExactly(
                rate(4, 4, "sex", "F"),
                rate(0, 2, "sex", "M"));
    }

    @Test
    void youthShareCountsSixteenToThirtyAmongMembersWithABirthYear()
    {
        assertThat(ask(programme.warehouse(), "youth_share", "").rows()).containsExactly(rate(4, 6));
        assertThat(ask(programme.warehouse(), "youth_share", "as_of=2021-01-01").rows()).containsExactly(rate(3, 6));
    }
}
