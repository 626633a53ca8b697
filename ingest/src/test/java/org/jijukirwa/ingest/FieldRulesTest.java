package org.jijukirwa.ingest;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class FieldRulesTest
{
    private static final FieldRules RULES = new FieldRules(ReferenceData.load(Optional.empty()));

    @Test
    void textIsTrimmedAndEmptyIsMissing()
    {
        assertThat(evaluate(FieldRules::text, "  Kibeho\t", "", "   ", null, "a b"))
                .containsExactly("Kibeho", null, null, null, "a b");
    }

    @Test
    void districtsInAllTheirSpellings()
    {
        assertThat(evaluate(RULES::districtCode, "12", "GASABO", " gasabo District", "Akarere ka Gasabo", "AKARERE KA KICUKIRO", "Nyanza district", "57"))
                .containsExactly("12", "12", "12", "12", "13", "21", "57");
        assertThat(evaluate(RULES::districtCode, "Kampala", "99", "Gasabo town", "1")).containsOnlyNulls();
    }

    @Test
    void valueChainsByCodeAndLabel()
    {
        assertThat(evaluate(RULES::valueChain, "tailoring", "MOTO_TRANSPORT", "Small-scale retail trade", "CATERING AND FOOD VENDING", "bicycle transport"))
                .containsExactly("tailoring", "moto_transport", "small_trade", "catering", "bicycle_transport");
        assertThat(evaluate(RULES::valueChain, "fishing", "Mining and quarrying")).containsOnlyNulls();
    }

    @Test
    void sexWords()
    {
        assertThat(evaluate(FieldRules::sex, "F", "female", "Woman", "Gore", "UMUGORE", "m", "Male", "man", "gabo", "Umugabo", "", "X", "girl"))
                .containsExactly("F", "F", "F", "F", "F", "M", "M", "M", "M", "M", "U", null, null);
    }

    @Test
    void booleans()
    {
        assertThat(evaluate(FieldRules::bool, "yes", "No", "TRUE", "false", "1", "0", "yego", "Oya", "maybe", "2"))
                .containsExactly(true, false, true, false, true, false, true, false, null, null);
    }

    @Test
    void integers()
    {
        assertThat(evaluate(FieldRules::integer, "1994", " 42 ", "19eighty", "68.0", "-3"))
                .containsExactly(1994, 42, null, null, -3);
    }

    @Test
    void eachDateForm()
    {
        assertThat(evaluate(DateTexts::date, "2019-07-13", "13/07/2019", "2019-07-13T10:00:00", "2019-07-13T10:00", "2019-07-13T10:00:00.123Z"))
                .containsExactly(date("2019-07-13"), date("2019-07-13"), date("2019-07-13"), date("2019-07-13"), date("2019-07-13"));
    }

    @Test
    void offsetDateTimesLandOnTheirKigaliDate()
    {
        // 22:30 UTC is 00:30 the next day in Kigali (UTC+2); 23:30 at UTC+5 is 20:30 in Kigali the same day.
        assertThat(evaluate(DateTexts::date, "2020-03-31T22:30:00Z", "2019-09-30T23:45:00Z", "2019-03-01T00:30:00+02:00", "2019-06-30T21:59:59Z",
                "2020-01-01T23:30:00+05:00", "2020-01-01T01:00:00+0300", "2020-01-01T00:30:00-01"))
                .containsExactly(date("2020-04-01"), date("2019-10-01"), date("2019-03-01"), date("2019-06-30"),
                        date("2020-01-01"), date("2020-01-01"), date("2020-01-01"));
    }

    @Test
    void dateTimesWithoutSecondsTakeAnyOffset()
    {
        // Kigali is UTC+2: 22:00 UTC on 30 June is midnight of 1 July there; 00:30 at UTC+5 is 21:30 the day before in Kigali.
        assertThat(evaluate(DateTexts::date, "2019-07-13T10:00Z", "2019-07-13T10:00+02:00", "2019-06-30T22:00Z", "2019-06-30T21:59Z",
                "2019-07-01T00:30+05:00", "2019-06-30T23:59-01:00", "2019-07-01T00:00"))
                .containsExactly(date("2019-07-13"), date("2019-07-13"), date("2019-07-01"), date("2019-06-30"),
                        date("2019-06-30"), date("2019-07-01"), date("2019-07-01"));
        assertThat(evaluate(DateTexts::timestamp, "2019-07-13T10:00Z", "2019-07-13T10:00+02:00", "2019-07-13T10:00-03:30", "2019-07-13T10:00",
                "2019-07-13T10:00:30.25+02:00"))
                .containsExactly(instant("2019-07-13T10:00:00Z"), instant("2019-07-13T08:00:00Z"), instant("2019-07-13T13:30:00Z"),
                        instant("2019-07-13T08:00:00Z"), instant("2019-07-13T08:00:30.25Z"));
    }

    @Test
    void invalidDateTimesWithoutSeconds()
    {
        assertThat(evaluate(DateTexts::timestamp, "2019-07-13T10:60Z", "2019-07-13T24:00+02:00", "2019-07-13T10:00+19:00", "2019-07-13T10:00 Z",
                "2019-07-13T10:00:Z", "2019-07-13T10:00.5Z", "2019-07-13T10Z"))
                .containsOnlyNulls();
    }

    @Test
    void invalidDates()
    {
        assertThat(evaluate(DateTexts::date, "31/02/2018", "2019-13-04", "2020-02-30", "2019/02/26", "last week", "soon", "5/1/2019",
                "2019-07-13 10:00", "13-07-2019", "2019-07-13T25:00:00"))
                .containsOnlyNulls();
    }

    @Test
    void timestampsAreInstants()
    {
        assertThat(evaluate(DateTexts::timestamp, "2019-09-18", "18/09/2019", "2019-09-18T16:00:00+02:00", "2019-09-18T16:00:00", "2019-05-07T17:56:25.744Z", "yesterday"))
                .containsExactly(instant("2019-09-17T22:00:00Z"), instant("2019-09-17T22:00:00Z"), instant("2019-09-18T14:00:00Z"),
                        instant("2019-09-18T14:00:00Z"), instant("2019-05-07T17:56:25.744Z"), null);
    }

    @Test
    void topicListsSeparatedBySemicolonsOrBlanks()
    {
        List<Object> lists = evaluate(RULES::topicList, "governance; business_plan;rights_and_laws", "osh governance", "OSH", "governance;astrology", null);
        assertThat(lists.get(0)).asList().containsExactly("governance", "business_plan", "rights_and_laws");
        assertThat(lists.get(1)).asList().containsExactly("osh", "governance");
        assertThat(lists.get(2)).asList().containsExactly("osh");
        assertThat(lists.get(3)).asList().containsExactly("governance", null);
        assertThat(lists.get(4)).isNull();
        assertThat(evaluate(text -> FieldRules.hasUnknownTopic(RULES.topicList(text)), "osh governance", "governance;astrology", null))
                .containsExactly(false, true, false);
    }

    private static LocalDate date(String text)
    {
        return LocalDate.parse(text);
    }

    private static Instant instant(String text)
    {
        return Instant.parse(text);
    }

    /** The rule applied to the trimmed text of each value, in order. */
    static List<Object> evaluate(Function<String, ?> rule, String... values)
    {
        List<Object> results = new ArrayList<>();
        Arrays.stream(values).forEach(value -> results.add(rule.apply(FieldRules.text(value))));
        return results;
    }
}
