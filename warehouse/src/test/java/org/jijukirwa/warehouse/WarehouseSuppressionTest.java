package org.jijukirwa.warehouse;

import java.nio.file.Path;

import org.jijukirwa.warehouse.answer.AnswerRow;
import org.jijukirwa.warehouse.suppression.Suppression;
import org.jijukirwa.warehouse.testing.ProgrammeFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijukirwa.warehouse.answer.Audience.MANAGER;
import static org.jijukirwa.warehouse.answer.Audience.PUBLIC;
import static org.jijukirwa.warehouse.suppression.Suppression.COMPLEMENTARY;
import static org.jijukirwa.warehouse.suppression.Suppression.SMALL_CELL;
import static org.jijukirwa.warehouse.testing.Rows.ask;
import static org.jijukirwa.warehouse.testing.Rows.count;
import static org.jijukirwa.warehouse.testing.Rows.rate;
import static org.jijukirwa.warehouse.testing.Rows.suppressed;

/** Suppression as the warehouse applies it: public answers of person-counting indicators only. */
class WarehouseSuppressionTest
{
    @TempDir
    static Path root;
    static Warehouse warehouse;
    static Warehouse warehouseWithThresholdTwo;

    @BeforeAll
    static void open()
    {
        ProgrammeFixture.programme(root).publish();
        warehouse = Warehouse.open(root, WarehouseSettings.defaults());
        warehouseWithThresholdTwo = Warehouse.open(root, new WarehouseSettings(2));
    }

    @AfterAll
    static void close()
    {
        warehouse.close();
        warehouseWithThresholdTwo.close();
    }

    @Test
    void publicCountsOfPersonsBelowFiveAreSuppressed()
    {
        assertThat(ask(warehouse, "members_active", "by=province", PUBLIC).rows()).containsExactly(
                suppressed(SMALL_CELL, "province", "Kigali City"),
                suppressed(SMALL_CELL, "province", "Southern"));
        assertThat(ask(warehouse, "members_active", "", PUBLIC).rows()).containsExactly(count(7));
    }

    @Test
    void managersSeeEveryCell()
    {
        assertThat(ask(warehouse, "members_active", "by=province", MANAGER).rows()).containsExactly(
                count(4, "province", "Kigali City"),
                count(3, "province", "Southern"));
    }

    @Test
    void theThresholdComesFromTheSettings()
    {
        // k = 2: U (1) is small, M (2) is the smallest other cell
        assertThat(ask(warehouseWithThresholdTwo, "members_active", "by=sex", PUBLIC).rows()).containsExactly(
                count(4, "sex", "F"),
                suppressed(COMPLEMENTARY, "sex", "M"),
                suppressed(SMALL_CELL, "sex", "U"));
    }

    @Test
    void attendancesCountPersons()
    {
        assertThat(ask(warehouse, "attendances", "by=province", PUBLIC).rows()).containsExactly(
                suppressed(COMPLEMENTARY, "province", "Kigali City"),
                suppressed(SMALL_CELL, "province", "Southern"));
    }

    @Test
    void aPublicRateIsJudgedByItsDenominator()
    {
        assertThat(ask(warehouseWithThresholdTwo, "women_share", "by=sex", PUBLIC).rows()).containsExactly(
                rate(4, 4, "sex", "F"),
                rate(0, 2, "sex", "M"));
        assertThat(ask(warehouse, "women_share", "by=sex", PUBLIC).rows()).containsExactly(
                suppressed(SMALL_CELL, "sex", "F"),
                suppressed(SMALL_CELL, "sex", "M"));
    }

    @Test
    void cooperativesSessionsAndVisitsAreNeverSuppressed()
    {
        assertThat(ask(warehouse, "coops_formed", "by=district", PUBLIC).rows()).containsExactly(
                count(2, "district", "Gasabo"),
                count(2, "district", "Huye"),
                count(1, "district", "Nyanza"),
                count(1, "district", "Nyarugenge"));
        assertThat(ask(warehouse, "training_sessions", "by=topic", PUBLIC).rows()).extracting(AnswerRow::suppressed).containsOnly(false);
        assertThat(ask(warehouse, "coaching_visits", "by=province", PUBLIC).rows()).extracting(AnswerRow::suppressed).containsOnly(false);
        assertThat(ask(warehouse, "formalisation_rate", "by=district", PUBLIC).rows()).extracting(AnswerRow::suppressed).containsOnly(false);
    }

    @Test
    void aTimeSeriesIsSuppressedPeriodByPeriod()
    {
        // 2019: F 3, M 3, U 1 (on a tie the first cell goes); 2020: F 4, M 2, U 1 (k = 2)
        assertThat(ask(warehouseWithThresholdTwo, "members_active", "grain=year&from=2019-01-01&to=2020-06-30&by=sex", PUBLIC).rows()).containsExactly(
                suppressed(COMPLEMENTARY, "period", "2019", "sex", "F"),
                count(3, "period", "2019", "sex", "M"),
                suppressed(SMALL_CELL, "period", "2019", "sex", "U"),
                count(4, "period", "2020", "sex", "F"),
                suppressed(COMPLEMENTARY, "period", "2020", "sex", "M"),
                suppressed(SMALL_CELL, "period", "2020", "sex", "U"));
    }
}
