package org.jijukirwa.generator;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class MessyValuesTest
{
    private static final LocalDate DAY = LocalDate.of(2019, 3, 7);

    @Test
    void withoutMessThereIsOnlyTheCanonicalForm()
    {
        MessyValues clean = new MessyValues(0);
        SplittableRandom random = new SplittableRandom(1);

        assertThat(clean.date(random, DAY)).isEqualTo("2019-03-07");
        assertThat(clean.district(random, Districts.ALL.get(1))).isEqualTo("Gasabo");
        assertThat(clean.valueChain(random, ValueChain.MOTO_TRANSPORT)).isEqualTo("moto_transport");
        assertThat(clean.sex(random, 'F')).isEqualTo("F");
        assertThat(clean.sex(random, 'U')).isEmpty();
        assertThat(clean.bool(random, true)).isEqualTo("yes");
        assertThat(MessyValues.dayMonthYear(DAY)).isEqualTo("07/03/2019");
    }

    @Test
    void everyMessyDateStillMeansTheSameKigaliDay()
    {
        MessyValues messy = new MessyValues(1);
        SplittableRandom random = new SplittableRandom(2);
        Set<String> shapes = new HashSet<>();
        for (int draw = 0; draw < 2000; draw++) {
            String text = messy.date(random, DAY);
            assertThat(ContractChecker.parseDate(text)).as(text).isEqualTo(DAY);
            shapes.add(text.replaceAll("\\d", "9"));
            String timestamp = messy.timestamp(random, DAY);
            assertThat(ContractChecker.parseDate(timestamp)).as(timestamp).isEqualTo(DAY);
        }

        assertThat(shapes).contains("99/99/9999", "9999-99-99T99:99:99+99:99", "9999-99-99T99:99:99.999Z", "9999-99-99T99:99:99");
        // 00:00-01:59 in Kigali is written as 22:00-23:59 UTC of 6 March.
        assertThat(shapes).anyMatch(shape -> shape.equals("9999-99-99T99:99:99Z"));
    }

    @Test
    void nearMidnightTimesShowThePreviousDayInUtc()
    {
        MessyValues messy = new MessyValues(1);
        SplittableRandom random = new SplittableRandom(3);
        boolean seen = false;
        for (int draw = 0; draw < 500 && !seen; draw++) {
            String text = messy.date(random, DAY);
            seen = text.startsWith("2019-03-06T2") && text.endsWith("Z");
        }

        assertThat(seen).isTrue();
    }

    @Test
    void messyDistrictsAndValueChainsUseTheFormsTheContractNames()
    {
        MessyValues messy = new MessyValues(1);
        SplittableRandom random = new SplittableRandom(4);
        Set<String> districts = new HashSet<>();
        Set<String> valueChains = new HashSet<>();
        Set<String> sexes = new HashSet<>();
        Set<String> booleans = new HashSet<>();
        for (int draw = 0; draw < 500; draw++) {
            districts.add(messy.district(random, Districts.ALL.get(1)));
            valueChains.add(messy.valueChain(random, ValueChain.TAILORING));
            sexes.add(messy.sex(random, 'M'));
            booleans.add(messy.bool(random, false));
        }

        assertThat(districts).containsExactlyInAnyOrder("12", "GASABO", " gasabo District", "Gasabo district", "Akarere ka Gasabo",
                "AKARERE KA GASABO", "  Gasabo  ");
        assertThat(valueChains).containsExactlyInAnyOrder("Tailoring and garment making", "TAILORING AND GARMENT MAKING",
                "tailoring and garment making", "TAILORING");
        assertThat(sexes).containsExactlyInAnyOrder("Male", "Man", "Gabo", "Umugabo");
        assertThat(booleans).containsExactlyInAnyOrder("oya", "0", "false");
    }

    @Test
    void invalidDatesAreReadByNoAcceptedForm()
    {
        SplittableRandom random = new SplittableRandom(5);
        for (int draw = 0; draw < 300; draw++) {
            String text = MessyValues.invalidDate(random, DAY);
            assertThat(ContractChecker.parseDate(text)).as(text).isNull();
        }
    }
}
