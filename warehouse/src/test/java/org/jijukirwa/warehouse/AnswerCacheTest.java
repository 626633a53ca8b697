package org.jijukirwa.warehouse;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jijukirwa.warehouse.answer.AnswerCache;
import org.jijukirwa.warehouse.answer.AnswerRow;
import org.jijukirwa.warehouse.answer.Audience;
import org.jijukirwa.warehouse.answer.IndicatorAnswer;
import org.jijukirwa.warehouse.indicator.IndicatorKind;
import org.jijukirwa.warehouse.indicator.IndicatorQuery;
import org.jijukirwa.warehouse.indicator.IndicatorUnit;
import org.jijukirwa.warehouse.testing.ProgrammeFixture;
import org.jijukirwa.warehouse.testing.ProgrammeWarehouse;
import org.jijukirwa.warehouse.testing.Rows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijukirwa.warehouse.testing.Rows.ask;

class AnswerCacheTest
{
    @Test
    void keepsAnswersPerQueryAndAudience()
    {
        AnswerCache cache = new AnswerCache(100);
        IndicatorQuery byDistrict = query("by", "district");
        IndicatorAnswer answer = answer(3);

        cache.keep(byDistrict, Audience.PUBLIC, answer);

        assertThat(cache.find(query("by", "district"), Audience.PUBLIC)).containsSame(answer);
        assertThat(cache.find(byDistrict, Audience.MANAGER)).isEmpty();
        assertThat(cache.find(query("by", "province"), Audience.PUBLIC)).isEmpty();
    }

    @Test
    void evictsTheLeastRecentlyUsedAnswersBeyondItsRowBudget()
    {
        AnswerCache cache = new AnswerCache(10);
        cache.keep(query("by", "district"), Audience.PUBLIC, answer(4));
        cache.keep(query("by", "province"), Audience.PUBLIC, answer(4));
        // reading the first makes the second the least recently used
        assertThat(cache.find(query("by", "district"), Audience.PUBLIC)).isPresent();

        cache.keep(query("by", "value_chain"), Audience.PUBLIC, answer(4));

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.find(query("by", "province"), Audience.PUBLIC)).isEmpty();
        assertThat(cache.find(query("by", "district"), Audience.PUBLIC)).isPresent();
        assertThat(cache.find(query("by", "value_chain"), Audience.PUBLIC)).isPresent();
    }

    @Test
    void anAnswerLargerThanTheWholeBudgetIsNotKept()
    {
        AnswerCache cache = new AnswerCache(10);
        cache.keep(query("by", "district"), Audience.PUBLIC, answer(4));

        cache.keep(query("by", "province"), Audience.PUBLIC, answer(11));

        assertThat(cache.find(query("by", "province"), Audience.PUBLIC)).isEmpty();
        assertThat(cache.find(query("by", "district"), Audience.PUBLIC)).isPresent();
    }

    @Test
    void aRepeatedRequestIsAnsweredFromTheCacheOfItsOwnSnapshotOnly(@TempDir Path root)
    {
        ProgrammeFixture.programme(root).publish();
        try (Warehouse warehouse = Warehouse.open(root, WarehouseSettings.defaults().withDisclosureSecret(ProgrammeWarehouse.DISCLOSURE_SECRET))) {
            IndicatorAnswer first = ask(warehouse, "members_active", "by=district", Audience.PUBLIC);
            assertThat(ask(warehouse, "members_active", "by=district", Audience.PUBLIC)).isSameAs(first);
            // the manager's unsuppressed answer is its own entry
            assertThat(ask(warehouse, "members_active", "by=district", Audience.MANAGER)).isNotSameAs(first);

            String second = ProgrammeFixture.programme(root).publish();
            assertThat(warehouse.refresh()).isTrue();
            IndicatorAnswer afterSwitch = ask(warehouse, "members_active", "by=district", Audience.PUBLIC);
            assertThat(afterSwitch).isNotSameAs(first);
            assertThat(afterSwitch.snapshot()).isEqualTo(second);
            assertThat(afterSwitch.rows()).isEqualTo(first.rows());
        }
    }

    private static IndicatorQuery query(String parameter, String value)
    {
        return IndicatorQuery.parse("members_active", Map.of(parameter, value));
    }

    private static IndicatorAnswer answer(int rows)
    {
        List<AnswerRow> cells = Collections.nCopies(rows, Rows.count(7));
        return new IndicatorAnswer("members_active", IndicatorKind.STOCK, IndicatorUnit.COUNT, List.of(), "snapshot",
                Optional.of(LocalDate.parse("2020-06-30")), Optional.empty(), Optional.empty(), Optional.empty(), cells,
                Rows.lineage("snapshot"));
    }
}
