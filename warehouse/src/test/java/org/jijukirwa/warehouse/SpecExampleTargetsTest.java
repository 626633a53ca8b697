package org.jijukirwa.warehouse;

import java.nio.file.Path;

import org.jijukirwa.warehouse.answer.Audience;
import org.jijukirwa.warehouse.testing.FixtureWarehouse;
import org.jijukirwa.warehouse.testing.SnapshotFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijukirwa.warehouse.testing.Rows.ask;
import static org.jijukirwa.warehouse.testing.Rows.rate;

/**
 * The target cells of the spec example (testdata/spec-example/expected/answers.json) on the real reference
 * data: 30 districts, 29 cooperatives formed and 3 sessions per district, 214 registered programme-wide.
 * The numerators are this fixture's own; the denominators are the example's.
 */
class SpecExampleTargetsTest
{
    private static final String[][] DISTRICTS = {
            {"11", "Nyarugenge"}, {"12", "Gasabo"}, {"13", "Kicukiro"},
            {"21", "Nyanza"}, {"22", "Gisagara"}, {"23", "Nyaruguru"}, {"24", "Huye"}, {"25", "Nyamagabe"}, {"26", "Ruhango"},
            {"27", "Muhanga"}, {"28", "Kamonyi"},
            {"31", "Karongi"}, {"32", "Rutsiro"}, {"33", "Rubavu"}, {"34", "Nyabihu"}, {"35", "Ngororero"}, {"36", "Rusizi"},
            {"37", "Nyamasheke"},
            {"41", "Rulindo"}, {"42", "Gakenke"}, {"43", "Musanze"}, {"44", "Burera"}, {"45", "Gicumbi"},
            {"51", "Rwamagana"}, {"52", "Nyagatare"}, {"53", "Gatsibo"}, {"54", "Kayonza"}, {"55", "Kirehe"}, {"56", "Ngoma"},
            {"57", "Bugesera"}};
    private static final String[] PROVINCES = {"Kigali City", "Southern", "Western", "Northern", "Eastern"};

    @RegisterExtension
    static final FixtureWarehouse example = new FixtureWarehouse(SpecExampleTargetsTest::publish);

    /** The example's districts and targets, one cooperative (and a few sessions) in some of them. */
    private static String publish(Path root)
    {
        SnapshotFixture fixture = SnapshotFixture.in(root).asOf("2020-06-30")
                .valueChain("tailoring", "Tailoring and garment making")
                .topic("governance", "Governance")
                .target("coops_registered", null, 214);
        for (String[] district : DISTRICTS) {
            String provinceCode = district[0].substring(0, 1);
            fixture.district(district[0], district[1], provinceCode, PROVINCES[Integer.parseInt(provinceCode) - 1])
                    .target("coops_formed", district[0], 29)
                    .target("training_sessions", district[0], 3);
        }
        return fixture.cooperative("E1", "57", "tailoring", "2019-01-01", "2019-06-01", null, null)
                .cooperative("E2", "52", "tailoring", "2019-01-01", null, null, null)
                .cooperative("K1", "12", "tailoring", "2019-01-01", "2019-06-01", null, null)
                .cooperative("N1", "43", "tailoring", "2019-01-01", null, null, null)
                .cooperative("S1", "24", "tailoring", "2019-01-01", null, null, null)
                .cooperative("W1", "33", "tailoring", "2019-01-01", "2020-01-01", null, null)
                .attendance("T1", "2019-05-01", "57", "governance", "E1", null)
                .attendance("T2", "2019-05-02", "12", "governance", "K1", null)
                .attendance("T3", "2019-05-03", "12", "governance", "K1", null)
                .publish();
    }

    @Test
    void formationTargetsByProvince()
    {
        assertThat(ask(example.warehouse(), "formation_target_attainment", "by=province", Audience.PUBLIC).rows()).containsExactly(
                rate(2, 203, "province", "Eastern"),
                rate(1, 87, "province", "Kigali City"),
                rate(1, 145, "province", "Northern"),
                rate(1, 232, "province", "Southern"),
                rate(1, 203, "province", "Western"));
    }

    @Test
    void registrationTargetOfTheWholeProgramme()
    {
        assertThat(ask(example.warehouse(), "registration_target_attainment", "", Audience.PUBLIC).rows()).containsExactly(rate(3, 214));
    }

    @Test
    void trainingTargetsByProvince()
    {
        // every province has districts with a target, so each appears, with or without sessions
        assertThat(ask(example.warehouse(), "training_target_attainment", "by=province&from=2019-01-01&to=2019-12-31", Audience.PUBLIC).rows()).containsExactly(
                rate(1, 21, "province", "Eastern"),
                rate(2, 9, "province", "Kigali City"),
                rate(0, 15, "province", "Northern"),
                rate(0, 24, "province", "Southern"),
                rate(0, 21, "province", "Western"));
    }
}
