package org.jijukirwa.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jijukirwa.warehouse.answer.Audience;
import org.jijukirwa.warehouse.testing.CooperativeStoryFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijukirwa.warehouse.testing.Rows.ask;
import static org.jijukirwa.warehouse.testing.Rows.count;

/**
 * Attendances by the attendee's sex and age band at the session's date, on {@link CooperativeStoryFixture}'s four
 * attendance rows: MEM-1 (F, born 1990: 29 on 2019-03-20) and a representative at TRN-12-01 (governance); an ODK
 * repeat row uuid:7f3e/member[1] that is no member and MEM-5 (F, born 1989: 30 on 2019-08-05, 31 at the as-of date)
 * at TRN-12-02 (business_plan). Managers' exact figures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttendanceBreakdownsTest
{
    private Warehouse warehouse;

    @BeforeAll
    void publish()
            throws IOException
    {
        Path root = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "attendances-");
        CooperativeStoryFixture.cooperatives().publishTo(root);
        warehouse = Warehouse.open(root, WarehouseSettings.defaults());
    }

    @AfterAll
    void close()
    {
        warehouse.close();
    }

    @Test
    void attendeesWhoAreNoMemberAreOfUnknownSexAndAgeAndCountOnce()
    {
        assertThat(ask(warehouse, "attendances", "", Audience.MANAGER).rows()).containsExactly(count(4));
        assertThat(ask(warehouse, "attendances", "by=sex", Audience.MANAGER).rows()).containsExactly(
                count(2, "sex", "F"),
                count(2, "sex", "U"));
        assertThat(ask(warehouse, "attendances", "by=age_band", Audience.MANAGER).rows()).containsExactly(
                count(2, "age_band", "16-30"),
                count(2, "age_band", "unknown"));
    }

    @Test
    void sexAndAgeBandCrossWithTopicAndFilter()
    {
        assertThat(ask(warehouse, "attendances", "by=topic,sex", Audience.MANAGER).rows()).containsExactly(
                count(1, "topic", "business_plan", "sex", "F"),
                count(1, "topic", "business_plan", "sex", "U"),
                count(1, "topic", "governance", "sex", "F"),
                count(1, "topic", "governance", "sex", "U"));
        assertThat(ask(warehouse, "attendances", "sex=F&age_band=16-30&by=topic", Audience.MANAGER).rows()).containsExactly(
                count(1, "topic", "business_plan"),
                count(1, "topic", "governance"));
        assertThat(ask(warehouse, "attendances", "age_band=31-45", Audience.MANAGER).rows()).isEmpty();
    }

    @Test
    void theAgeIsTheAttendeesAtTheSessionsDate()
    {
        // MEM-5 is 30 on 2019-08-05 (16-30) and 31 at the snapshot's as-of date (31-45)
        assertThat(ask(warehouse, "attendances", "from=2019-08-01&to=2019-08-31&by=age_band,sex", Audience.MANAGER).rows()).containsExactly(
                count(1, "age_band", "16-30", "sex", "F"),
                count(1, "age_band", "unknown", "sex", "U"));
    }
}
