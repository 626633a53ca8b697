package org.jijukirwa.generator;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class SessionCalendarTest
{
    private static final LocalDate FIRST_DAY = LocalDate.of(2018, 1, 29);
    private static final LocalDate LAST_DAY = LocalDate.of(2020, 5, 31);

    private final SessionCalendar calendar = new SessionCalendar(9, new int[] {2, 40}, 0.5, FIRST_DAY, LAST_DAY);

    @Test
    void smallDistrictsStillHoldThreeSessionsAYearAndLargeOnesMore()
    {
        assertThat(calendar.sessionCount(0, 2019)).isEqualTo(3);
        // 40 cooperatives x 0.5 sessions per cooperative-year.
        assertThat(calendar.sessionCount(1, 2019)).isEqualTo(20);
        // 2020 ends on 31 May: 161.3 of a year's 353.65 day-weights (0.46), under half, so the minimum is one session.
        assertThat(calendar.sessionCount(0, 2020)).isEqualTo(1);
        assertThat(calendar.sessionCount(1, 2021)).isZero();
        assertThat(calendar.sessionCount(1, 2017)).isZero();
    }

    @Test
    void sessionDatesRiseWithTheIndexAndStayInsideTheWindow()
    {
        for (int year = 2018; year <= 2020; year++) {
            LocalDate previous = LocalDate.MIN;
            for (int index = 0; index < calendar.sessionCount(1, year); index++) {
                LocalDate date = calendar.sessionDate(1, year, index);
                assertThat(date).isAfterOrEqualTo(previous).isBetween(FIRST_DAY, LAST_DAY);
                assertThat(date.getYear()).isEqualTo(year);
                previous = date;
            }
        }
    }

    @Test
    void findsTheFirstSessionOnOrAfterADate()
    {
        LocalDate fifth = calendar.sessionDate(1, 2019, 5);
        LocalDate sixth = calendar.sessionDate(1, 2019, 6);

        assertThat(calendar.firstSessionOnOrAfter(1, 2019, LocalDate.of(2019, 1, 1))).isZero();
        assertThat(calendar.firstSessionOnOrAfter(1, 2019, sixth)).isLessThanOrEqualTo(6);
        assertThat(calendar.firstSessionOnOrAfter(1, 2019, fifth.plusDays(1))).isEqualTo(fifth.equals(sixth) ? 7 : 6);
        assertThat(calendar.firstSessionOnOrAfter(1, 2019, LocalDate.of(2020, 1, 1))).isEqualTo(20);
    }

    @Test
    void sessionsHaveStableIdsTopicsAndFacilitators()
    {
        assertThat(calendar.sessionId(Districts.ALL.get(1), 2019, 4)).isEqualTo("TRN-GAS-2019-005");
        assertThat(Topics.ALL).contains(calendar.topic(1, 2019, 4));
        assertThat(calendar.topic(1, 2019, 4)).isEqualTo(calendar.topic(1, 2019, 4));
        assertThat(Names.FACILITATORS).contains(calendar.facilitator(1, 2019, 4));
    }
}
