package org.jijukirwa.warehouse.cooperative;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.jijukirwa.warehouse.answer.Audience;
import org.jijukirwa.warehouse.cooperative.CooperativeProfile.FunnelStep;
import org.jijukirwa.warehouse.cooperative.CooperativeProfile.MemberCount;
import org.jijukirwa.warehouse.indicator.InvalidParameterException;
import org.jijukirwa.warehouse.testing.CooperativeStoryFixture;
import org.jijukirwa.warehouse.testing.FixtureWarehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Search, profile and list over {@link CooperativeStoryFixture}; every figure worked out by hand from its table. */
class CooperativeReaderTest
{
    @RegisterExtension
    static final FixtureWarehouse cooperatives = new FixtureWarehouse(root -> CooperativeStoryFixture.cooperatives().publishTo(root));

    @Test
    void searchFindsIdsAndNamesExactIdFirstThenByName()
    {
        assertThat(ids(cooperatives.warehouse().searchCooperatives(new CooperativeSearch("gasabo", 20)))).containsExactly("COOP-GAS-0001");
        // "gas" is inside both Gasabo ids and one name: no id or name starts with it, so by name
        assertThat(ids(cooperatives.warehouse().searchCooperatives(new CooperativeSearch("gas", 20)))).containsExactly("COOP-GAS-0001", "COOP-GAS-0002");
        assertThat(ids(cooperatives.warehouse().searchCooperatives(new CooperativeSearch("coop-kic-0001", 20)))).containsExactly("COOP-KIC-0001");
        // every id starts with "coop": by name, "Abakundakazi ba Gasabo" first, and the limit keeps two
        assertThat(ids(cooperatives.warehouse().searchCooperatives(new CooperativeSearch("COOP", 2)))).containsExactly("COOP-GAS-0001", "COOP-GAS-0002");
        assertThat(cooperatives.warehouse().searchCooperatives(new CooperativeSearch("nowhere", 20))).isEmpty();
        CooperativeSummary found = cooperatives.warehouse().searchCooperatives(new CooperativeSearch("COOP-GAS-0001", 20)).get(0);
        assertThat(found).isEqualTo(new CooperativeSummary("COOP-GAS-0001", Optional.of(CooperativeStoryFixture.NAME), Optional.of("Kigali City"),
                Optional.of("Gasabo"), "tailoring"));
    }

    @Test
    void searchRefusesAnEmptyTextAndABadLimit()
    {
        assertThatThrownBy(() -> CooperativeSearch.parse(Map.of("q", " "))).isInstanceOf(InvalidParameterException.class).hasMessageContaining("'q'");
        assertThatThrownBy(() -> CooperativeSearch.parse(Map.of("q", "a", "limit", "0"))).hasMessageContaining("'limit'");
        assertThatThrownBy(() -> CooperativeSearch.parse(Map.of("q", "a", "limit", "x"))).hasMessageContaining("'limit'");
        assertThatThrownBy(() -> CooperativeSearch.parse(Map.of("q", "a", "name", "b"))).hasMessageContaining("'name'");
        assertThat(CooperativeSearch.parse(Map.of("q", " gas "))).isEqualTo(new CooperativeSearch("gas", 20));
    }

    @Test
    void profileTellsTheFunnelWithTheDaysBetweenSteps()
    {
        CooperativeProfile profile = cooperatives.warehouse().cooperative("COOP-GAS-0001", StuckRule.DEFAULT, Audience.PUBLIC);

        assertThat(profile.asOf()).isEqualTo(LocalDate.parse("2020-06-30"));
        assertThat(profile.valueChainLabel()).contains("Tailoring and garment making");
        // 2019-02-10 -> 03-20 is 18 + 20 days; -> 04-01 12; -> 05-20 30 + 19; -> 09-01 11 + 30 + 31 + 31 + 1
        assertThat(profile.funnel()).containsExactly(
                new FunnelStep("formed", date("2019-02-10"), OptionalLong.empty(), OptionalLong.of(0)),
                new FunnelStep("trained", date("2019-03-20"), OptionalLong.of(38), OptionalLong.of(38)),
                new FunnelStep("applied", date("2019-04-01"), OptionalLong.of(12), OptionalLong.of(50)),
                new FunnelStep("registered", date("2019-05-20"), OptionalLong.of(49), OptionalLong.of(99)),
                new FunnelStep("bdc_linked", date("2019-09-01"), OptionalLong.of(104), OptionalLong.of(203)),
                new FunnelStep("union_affiliated", Optional.empty(), OptionalLong.empty(), OptionalLong.empty()));
        assertThat(profile.trainings()).extracting(CooperativeProfile.TrainingAttended::sessionId, CooperativeProfile.TrainingAttended::topic,
                CooperativeProfile.TrainingAttended::heldOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("TRN-12-01", "governance", LocalDate.parse("2019-03-20")),
                        org.assertj.core.groups.Tuple.tuple("TRN-12-02", "business_plan", LocalDate.parse("2019-08-05")));
        assertThat(profile.visits()).extracting(CooperativeProfile.CoachingVisit::visitedOn, CooperativeProfile.CoachingVisit::maturityScore)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2019-06-01"), Optional.of(40)),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2020-02-01"), Optional.of(65)));
        // registered; last visit 2020-02-01 is 150 days before 2020-06-30
        assertThat(profile.stuck().isUnregistered()).isFalse();
        assertThat(profile.stuck().isUnvisited()).isFalse();
        assertThat(cooperatives.warehouse().cooperative("COOP-GAS-0001", new StuckRule(365, 149), Audience.PUBLIC).stuck().isUnvisited()).isTrue();
        assertThat(cooperatives.warehouse().cooperative("COOP-GAS-0001", new StuckRule(365, 150), Audience.PUBLIC).stuck().isUnvisited()).isFalse();
    }

    @Test
    void thePublicGetsNoCountOfPeopleAndManagersTheirMembersEveryQuarter()
    {
        CooperativeProfile published = cooperatives.warehouse().cooperative("COOP-GAS-0001", StuckRule.DEFAULT, Audience.PUBLIC);
        assertThat(published.members()).isEmpty();
        assertThat(published.trainings()).allSatisfy(training -> assertThat(training.attendeeCount()).isEmpty());

        CooperativeProfile managed = cooperatives.warehouse().cooperative("COOP-GAS-0001", StuckRule.DEFAULT, Audience.MANAGER);
        // the member and the representative at TRN-12-01; at TRN-12-02 the repeat row's id matches no member and still counts once
        assertThat(managed.trainings()).extracting(CooperativeProfile.TrainingAttended::attendeeCount)
                .containsExactly(OptionalLong.of(2), OptionalLong.of(2));
        // MEM-1 (F, 29 in 2019, 30 in 2020), MEM-2 (M, 59) until 2019-12-15, MEM-3 (U, no birth year) from 2020-01-10;
        // MEM-5 joins after the as-of date
        assertThat(managed.members().orElseThrow()).containsExactly(
                members("2019-03-31", 2, 1, 1, 0, 1, 1, 0),
                members("2019-06-30", 2, 1, 1, 0, 1, 1, 0),
                members("2019-09-30", 2, 1, 1, 0, 1, 1, 0),
                members("2019-12-31", 1, 1, 0, 0, 1, 0, 0),
                members("2020-03-31", 2, 1, 0, 1, 1, 0, 1),
                members("2020-06-30", 2, 1, 0, 1, 1, 0, 1));
    }

    @Test
    void aNeverVisitedUnregisteredCooperativeIsStuckBothWays()
    {
        CooperativeProfile profile = cooperatives.warehouse().cooperative("COOP-GAS-0002", StuckRule.DEFAULT, Audience.PUBLIC);
        // formed 2019-01-01: 546 days before 2020-06-30, never registered nor visited
        assertThat(profile.stuck().isUnregistered()).isTrue();
        assertThat(profile.stuck().isUnvisited()).isTrue();
        assertThat(profile.funnel().get(1)).isEqualTo(new FunnelStep("trained", Optional.empty(), OptionalLong.empty(), OptionalLong.empty()));
        assertThat(cooperatives.warehouse().cooperative("COOP-GAS-0002", new StuckRule(546, 546), Audience.PUBLIC).stuck())
                .isEqualTo(new CooperativeProfile.Stuck(new StuckRule(546, 546), false, false));
    }

    @Test
    void aMalformedIdIsABadRequestAndAnUnknownOneIsNotFound()
    {
        assertThatThrownBy(() -> cooperatives.warehouse().cooperative("COOP GAS; drop", StuckRule.DEFAULT, Audience.PUBLIC))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("is not a cooperative id");
        assertThatThrownBy(() -> cooperatives.warehouse().cooperative("x".repeat(65), StuckRule.DEFAULT, Audience.PUBLIC)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> cooperatives.warehouse().cooperative("COOP-XXX-9999", StuckRule.DEFAULT, Audience.PUBLIC))
                .isInstanceOf(UnknownCooperativeException.class).hasMessageContaining("COOP-XXX-9999");
    }

    @Test
    void listGivesTheCooperativesBehindACellSortedWithTheStuckFlagged()
    {
        CooperativeList gasabo = cooperatives.warehouse().cooperativeList(Map.of("district", "gasabo", "value_chain", "tailoring"));
        assertThat(gasabo.total()).isEqualTo(2);
        assertThat(gasabo.rows()).extracting(CooperativeList.Entry::cooperativeId).containsExactly("COOP-GAS-0001", "COOP-GAS-0002");
        CooperativeList.Entry story = gasabo.rows().get(0);
        assertThat(story.membersActive()).isEqualTo(2);
        assertThat(story.lastMaturityScore()).contains(65);
        assertThat(story.lastVisitedOn()).contains(LocalDate.parse("2020-02-01"));
        assertThat(story.daysSinceFormed()).isEqualTo(506);
        assertThat(story.isStuckUnregistered() || story.isStuckUnvisited()).isFalse();
        CooperativeList.Entry stuck = gasabo.rows().get(1);
        assertThat(stuck.isStuckUnregistered()).isTrue();
        assertThat(stuck.isStuckUnvisited()).isTrue();
        assertThat(stuck.membersActive()).isZero();

        assertThat(cooperatives.warehouse().cooperativeList(Map.of("district", "Gasabo", "stage", "registered")).rows())
                .extracting(CooperativeList.Entry::cooperativeId).containsExactly("COOP-GAS-0001");
        assertThat(cooperatives.warehouse().cooperativeList(Map.of("stage", "not_registered", "sort", "formed_on", "order", "desc")).rows())
                .extracting(CooperativeList.Entry::cooperativeId).containsExactly("COOP-KIC-0001", "COOP-GAS-0002");
        // as of 2019-04-30 COOP-GAS-0001 had applied but not registered, and COOP-KIC-0001 did not exist
        CooperativeList earlier = cooperatives.warehouse().cooperativeList(Map.of("as_of", "2019-04-30", "sort", "cooperative_name"));
        assertThat(earlier.rows()).extracting(CooperativeList.Entry::cooperativeId).containsExactly("COOP-GAS-0001", "COOP-GAS-0002");
        assertThat(earlier.rows().get(0).registeredOn()).isEmpty();
        assertThat(earlier.rows().get(0).appliedOn()).contains(LocalDate.parse("2019-04-01"));
        assertThat(earlier.rows().get(0).lastMaturityScore()).isEmpty();
    }

    @Test
    void listRefusesWhatItCannotAnswer()
    {
        assertThatThrownBy(() -> cooperatives.warehouse().cooperativeList(Map.of("district", "Atlantis"))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Atlantis");
        assertThatThrownBy(() -> cooperatives.warehouse().cooperativeList(Map.of("stage", "famous"))).hasMessageContaining("stage");
        assertThatThrownBy(() -> cooperatives.warehouse().cooperativeList(Map.of("sort", "name; drop table x"))).hasMessageContaining("sort");
        assertThatThrownBy(() -> cooperatives.warehouse().cooperativeList(Map.of("as_of", "2020-02-30"))).hasMessageContaining("as_of");
        assertThatThrownBy(() -> cooperatives.warehouse().cooperativeList(Map.of("unvisited_days", "-1"))).hasMessageContaining("unvisited_days");
        assertThatThrownBy(() -> cooperatives.warehouse().cooperativeList(Map.of("sex", "F"))).hasMessageContaining("'sex'");
    }

    @Test
    void listCsvHasTheHeaderAndOneLinePerCooperative()
    {
        String csv = CooperativeListCsv.write(cooperatives.warehouse().cooperativeList(Map.of("district", "Kicukiro")));
        assertThat(csv).isEqualTo(String.join(",", CooperativeListCsv.COLUMNS) + "\r\n"
                + "COOP-KIC-0001,Cooperative COOP-KIC-0001,Kigali City,Kicukiro,carpentry,2020-05-01,,,,,,,,1,60,false,false\r\n");
    }

    private static List<String> ids(List<CooperativeSummary> found)
    {
        return found.stream().map(CooperativeSummary::cooperativeId).toList();
    }

    private static Optional<LocalDate> date(String text)
    {
        return Optional.of(LocalDate.parse(text));
    }

    private static MemberCount members(String day, long total, long women, long men, long unknownSex, long aged16to30, long aged46to60, long unknownAge)
    {
        return new MemberCount(LocalDate.parse(day), total, Map.of("F", women, "M", men, "U", unknownSex),
                Map.of("16-30", aged16to30, "31-45", 0L, "46-60", aged46to60, "61+", 0L, "unknown", unknownAge));
    }
}
