package org.jijukirwa.warehouse.indicator;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jijukirwa.warehouse.testing.Rows.parameters;

class IndicatorQueryTest
{
    @Test
    void parsesEveryParameter()
    {
        IndicatorQuery query = IndicatorQuery.parse("members_active",
                parameters("by=province,sex&from=2019-01-01&to=2019-12-31&grain=quarter&district=Gasabo,%20Huye&age_band=61%2B&sex=F"));
        assertThat(query.indicatorId()).isEqualTo("members_active");
        assertThat(query.by()).containsExactly("province", "sex");
        assertThat(query.asOf()).isEmpty();
        assertThat(query.from()).contains(LocalDate.parse("2019-01-01"));
        assertThat(query.to()).contains(LocalDate.parse("2019-12-31"));
        assertThat(query.grain()).contains(Grain.QUARTER);
        assertThat(query.filters()).containsExactly(
                Map.entry("district", List.of("Gasabo", "Huye")),
                Map.entry("sex", List.of("F")),
                Map.entry("age_band", List.of("61+")));
    }

    @Test
    void emptyParametersMeanNone()
    {
        IndicatorQuery query = IndicatorQuery.parse("coops_formed", parameters("by=&as_of=&district="));
        assertThat(query.by()).isEmpty();
        assertThat(query.asOf()).isEmpty();
        assertThat(query.filters()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "colour=red                           | colour",
            "By=province                          | By",
            "by=colour                            | by",
            "by=province,province                 | by",
            "by=province,,sex                     | by",
            "as_of=2019-02-30                     | as_of",
            "as_of=2019-2-3                       | as_of",
            "as_of=31/12/2019                     | as_of",
            "as_of=2019-12-31T00:00:00            | as_of",
            "from=yesterday                       | from",
            "to=2019-13-01                        | to",
            "from=2019-12-31&to=2019-01-01        | from",
            "grain=week                           | grain",
            "grain=Month                          | grain",
            "as_of=2019-12-31&grain=year          | as_of",
            "as_of=2019-12-31&to=2019-12-31       | as_of",
            "district=Gasabo,                     | district",
    })
    void rejectsWithTheParameterNamed(String query, String parameter)
    {
        assertThatThrownBy(() -> IndicatorQuery.parse("coops_formed", parameters(query)))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo(parameter);
                    assertThat(e.getMessage()).endsWith(".");
                });
    }

    @Test
    void anImpossibleDateSaysWhatIsExpected()
    {
        assertThatThrownBy(() -> IndicatorQuery.parse("formalisation_rate", parameters("as_of=2019-02-30")))
                .hasMessage("'as_of' must be a real date written yyyy-MM-dd, not '2019-02-30'.");
    }

    @Test
    void aLeapDayIsADate()
    {
        assertThat(IndicatorQuery.parse("coops_formed", parameters("as_of=2020-02-29")).asOf()).contains(LocalDate.parse("2020-02-29"));
    }
}
