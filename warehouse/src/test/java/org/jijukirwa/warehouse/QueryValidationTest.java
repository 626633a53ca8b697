package org.jijukirwa.warehouse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jijukirwa.warehouse.answer.Audience;
import org.jijukirwa.warehouse.answer.QueryResolver;
import org.jijukirwa.warehouse.indicator.Dimension;
import org.jijukirwa.warehouse.indicator.Grain;
import org.jijukirwa.warehouse.indicator.IndicatorQuery;
import org.jijukirwa.warehouse.indicator.InvalidParameterException;
import org.jijukirwa.warehouse.indicator.UnknownIndicatorException;
import org.jijukirwa.warehouse.testing.ProgrammeWarehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jijukirwa.warehouse.testing.Rows.ask;

/** Requests that the catalogue or the snapshot's reference data rule out, checked in Warehouse.answer(). */
class QueryValidationTest
{
    @RegisterExtension
    static final ProgrammeWarehouse programme = new ProgrammeWarehouse();

    @ParameterizedTest(name = "{0}?{1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "coops_formed        | by=sex                          | by",
            "coops_formed        | by=topic                        | by",
            "training_sessions   | by=value_chain                  | by",
            "formation_target_attainment | by=value_chain          | by",
            "formalisation_rate  | district=Atlantis               | district",
            "formalisation_rate  | province=Atlantis               | province",
            "coops_formed        | value_chain=fishing             | value_chain",
            "attendances         | topic=astrology                 | topic",
            "members_active      | sex=X                           | sex",
            "members_active      | age_band=10-15                  | age_band",
            "coops_formed        | sex=F                           | sex",
            "coops_formed        | topic=governance                | topic",
            "coops_formed        | district=Gasabo,Atlantis        | district",
            "training_sessions   | as_of=2020-01-01                | as_of",
            "coops_formed        | from=2019-01-01                 | from",
            "coops_formed        | to=2019-01-01                   | to",
            "training_sessions   | from=2021-01-01                 | from",
            "coops_formed        | grain=year&from=2021-01-01      | from",
            // centuries-wide or negative dates: outside 1900-01-01..2100-12-31
            "members_active      | as_of=0001-01-01                           | as_of",
            "members_active      | grain=month&from=0001-01-01&to=9999-12-31  | from",
            "members_active      | grain=month&from=2019-01-01&to=9999-12-31  | to",
            "attendances         | from=-2019-01-01                           | from",
            "coops_formed        | as_of=1899-12-31                           | as_of",
            "coops_formed        | as_of=2101-01-01                           | as_of",
            // within the dates, but too many periods (601 months) or cells
            "coops_formed        | grain=month&from=1950-01-01&to=2000-01-31  | grain",
            "formalisation_rate  | grain=month&from=1900-01-01&to=2100-12-31  | grain",
    })
    void rejectsWithTheParameterNamed(String indicator, String query, String parameter)
    {
        assertThatThrownBy(() -> ask(programme.warehouse(), indicator, query))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo(parameter);
                    assertThat(e.getMessage()).endsWith(".").contains(parameter.equals("by") ? "by" : "'");
                });
    }

    @Test
    void theLongestAllowedSeriesIsAnswered()
    {
        // 600 months, 1950-02 to 2000-01: the bound, inclusive
        assertThatCode(() -> ask(programme.warehouse(), "coops_formed", "grain=month&from=1950-02-01&to=2000-01-31")).doesNotThrowAnyException();
        assertThatCode(() -> ask(programme.warehouse(), "coops_formed", "as_of=1900-01-01")).doesNotThrowAnyException();
    }

    @Test
    void tooManyCellsAreRefusedWithWhatToNarrow()
    {
        // by district, value chain, sex and age band over 600 months of the national reference: 600 x 30 x 15 x 3 x 5 cells
        Map<Dimension, Integer> everyDimension = Map.of(Dimension.DISTRICT, 30, Dimension.VALUE_CHAIN, 15, Dimension.SEX, 3, Dimension.AGE_BAND, 5);
        assertThatThrownBy(() -> QueryResolver.checkSize(600, everyDimension))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("by");
                    assertThat(e.getMessage()).contains("4050000 cells", "break it down by fewer dimensions, filter it, or ask for fewer periods");
                });
        // a researcher's large export: by district, value chain and sex, monthly over 19.5 years (315,900 cells) is answered
        assertThatCode(() -> QueryResolver.checkSize(234, Map.of(Dimension.DISTRICT, 30, Dimension.VALUE_CHAIN, 15, Dimension.SEX, 3)))
                .doesNotThrowAnyException();
        assertThatCode(() -> QueryResolver.checkSize(QueryResolver.MAX_PERIODS, Map.of())).doesNotThrowAnyException();
    }

    @Test
    void anUnknownFilterValueIsNamedInTheMessage()
    {
        assertThatThrownBy(() -> ask(programme.warehouse(), "formalisation_rate", "district=Atlantis"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("'Atlantis' is not a known district;");
    }

    @Test
    void anUnknownIndicator()
    {
        assertThatThrownBy(() -> ask(programme.warehouse(), "no_such_indicator", ""))
                .isInstanceOfSatisfying(UnknownIndicatorException.class, e -> assertThat(e.indicatorId()).isEqualTo("no_such_indicator"));
    }

    @Test
    void queriesBuiltWithoutParseAreCheckedToo()
    {
        IndicatorQuery asOfWithGrain = new IndicatorQuery("coops_formed", List.of(), Optional.of(java.time.LocalDate.parse("2020-01-01")),
                Optional.empty(), Optional.empty(), Optional.of(Grain.YEAR), Map.of());
        assertThatThrownBy(() -> programme.warehouse().answer(asOfWithGrain, Audience.PUBLIC))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("as_of"));

        IndicatorQuery unknownDimension = new IndicatorQuery("coops_formed", List.of("colour"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
        assertThatThrownBy(() -> programme.warehouse().answer(unknownDimension, Audience.PUBLIC))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("by"));

        IndicatorQuery unknownFilter = new IndicatorQuery("coops_formed", List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Map.of("colour", List.of("red")));
        assertThatThrownBy(() -> programme.warehouse().answer(unknownFilter, Audience.PUBLIC))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("colour"));
    }

    @Test
    void aFilterValueIsNeverPartOfTheSqlText()
    {
        assertThatThrownBy(() -> ask(programme.warehouse(), "coops_formed", "district=Gasabo') or true --"))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("district"));
    }

    @Test
    void noSnapshotPublishedYet(@TempDir Path empty)
    {
        try (Warehouse nothing = Warehouse.open(empty, WarehouseSettings.defaults())) {
            assertThat(nothing.snapshot()).isEmpty();
            assertThat(nothing.runs()).isEmpty();
            assertThat(nothing.refresh()).isFalse();
            assertThatThrownBy(() -> ask(nothing, "coops_formed", ""))
                    .isInstanceOf(NoSnapshotException.class);
            // the indicator is checked first: an unknown one is still a 404
            assertThatThrownBy(() -> ask(nothing, "no_such_indicator", ""))
                    .isInstanceOf(UnknownIndicatorException.class);
        }
    }
}
