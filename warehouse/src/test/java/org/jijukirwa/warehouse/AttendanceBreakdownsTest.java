package org.jijukirwa.warehouse;


import org.jijukirwa.warehouse.answer.Audience;
import org.jijukirwa.warehouse.testing.CooperativeStoryFixture;
import org.jijukirwa.warehouse.testing.FixtureWarehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijukirwa.warehouse.testing.Rows.ask;
import static org.jijukirwa.warehouse.testing.Rows.count;

/**
 * Attendances by the attendee's sex and age band at the session's date, on {@link CooperativeStoryFixture}'s four
 * attendance rows: MEM-1 (F, born 1990: 29 on 2019-03-20) and a representative at TRN-12-01 (governance); an ODK
 * repeat row uuid:7f3e/member[1] that is no member and MEM-5 (F, born 1989: 30 on 2019-08-05, 31 at the as-of date)
 * at TRN-12-02 (business_plan). Managers' exact figures.
 */
class AttendanceBreakdownsTest
{
    @RegisterExtension
    static final FixtureWarehouse cooperatives = new FixtureWarehouse(root -> CooperativeStoryFixture.cooperatives().publishTo(root));

    @Test
    void attendeesWhoAreNoMemberAreOfUnknownSexAndAgeAndCountOnce()
    {
        assertThat(ask(cooperatives.warehouse(), "attendances", "", Audience.MANAGER).rows()).containsExactly(count(4));
        assertThat(ask(cooperatives.warehouse(), "attendances", "by=sex", Audience.MANAGER).rows()).containsExactly(
                count(2, "sex", "F"),
                count(2, "sex", "U"));
        assertThat(ask(cooperatives.warehouse(), "attendances", "by=age_band", Audience.MANAGER).rows()).containsExactly(
                count(2, "age_band", "16-30"),
                count(2, "age_band", "unknown"));
    }

    @Test
    void sexAndAgeBandCrossWithTopicAndFilter()
    {
        assertThat(ask(cooperatives.warehouse(), "attendances", "by=topic,sex", Audience.MANAGER).rows()).containsExactly(
                count(1, "topic", "business_plan", "sex", "F"),
                count(1, "topic", "business_plan", "sex", "U"),
                count(1, "topic", "governance", "sex", "F"),
                count(1, "topic", "governance", "sex", "U"));
        assertThat(ask(cooperatives.warehouse(), "attendances", "sex=F&age_band=16-30&by=topic", Audience.MANAGER).rows()).containsExactly(
                count(1, "topic", "business_plan"),
                count(1, "topic", "governance"));
        assertThat(ask(cooperatives.warehouse(), "attendances", "age_band=31-45", Audience.MANAGER).rows()).isEmpty();
    }

    @Test
    void theAgeIsTheAttendeesAtTheSessionsDate()
    {
        // MEM-5 is 30 on 2019-08-05 (16-30) and 31 at the snapshot's as-of date (31-45)
        assertThat(ask(cooperatives.warehouse(), "attendances", "from=2019-08-01&to=2019-08-31&by=age_band,sex", Audience.MANAGER).rows()).containsExactly(
                count(1, "age_band", "16-30", "sex", "F"),
                count(1, "age_band", "unknown", "sex", "U"));
    }
}
