package org.jijukirwa.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jijukirwa.layout.Table;
import org.jijukirwa.layout.WarehouseDirectory;
import org.jijukirwa.warehouse.answer.Audience;
import org.jijukirwa.warehouse.answer.IndicatorAnswer;
import org.jijukirwa.warehouse.snapshot.RunReport;
import org.jijukirwa.warehouse.testing.ProgrammeFixture;
import org.jijukirwa.warehouse.testing.Rows;
import org.jijukirwa.warehouse.testing.SnapshotFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jijukirwa.warehouse.testing.Rows.ask;

class WarehouseRefreshTest
{
    /** A second programme: two cooperatives in Huye, three members, as of 2020-12-31. */
    private static SnapshotFixture small(Path root)
    {
        return ProgrammeFixture.reference(SnapshotFixture.in(root).asOf("2020-12-31"))
                .cooperative("K1", "24", "tailoring", "2020-01-01", null, null, null)
                .cooperative("K2", "24", "carpentry", "2020-02-01", null, null, null)
                .member("N1", "K1", "Q1", "F", 1990, "2020-01-01", null)
                .member("N2", "K1", "Q2", "F", 1990, "2020-01-01", null)
                .member("N3", "K2", "Q3", "M", 1990, "2020-02-01", null);
    }

    @Test
    void refreshSwitchesToTheSnapshotCurrentNames(@TempDir Path root)
    {
        String first = ProgrammeFixture.programme(root).publish();
        try (Warehouse warehouse = Warehouse.open(root, WarehouseSettings.defaults())) {
            assertThat(warehouse.snapshot().orElseThrow().id()).isEqualTo(first);
            assertThat(warehouse.snapshot().orElseThrow().asOf()).isEqualTo(LocalDate.parse("2020-06-30"));
            assertThat(warehouse.refresh()).isFalse();

            String second = small(root).publish();
            assertThat(warehouse.snapshot().orElseThrow().id()).isEqualTo(first);
            assertThat(warehouse.refresh()).isTrue();
            assertThat(warehouse.snapshot().orElseThrow().id()).isEqualTo(second);
            assertThat(warehouse.snapshot().orElseThrow().asOf()).isEqualTo(LocalDate.parse("2020-12-31"));
            IndicatorAnswer answer = ask(warehouse, "coops_formed", "");
            assertThat(answer.snapshot()).isEqualTo(second);
            assertThat(answer.asOf()).contains(LocalDate.parse("2020-12-31"));
            assertThat(answer.rows()).containsExactly(Rows.count(2));

            assertThat(warehouse.runs()).extracting(RunReport::snapshotId).containsExactly(second, first);
            assertThat(warehouse.runs().get(0).report().path("as_of").asText()).isEqualTo("2020-12-31");
        }
    }

    @Test
    void aSnapshotThatCannotBeLoadedLeavesThePreviousOneServed(@TempDir Path root)
            throws IOException
    {
        String first = ProgrammeFixture.programme(root).publish();
        try (Warehouse warehouse = Warehouse.open(root, WarehouseSettings.defaults())) {
            String broken = small(root).publish();
            Path members = new WarehouseDirectory(root).table(broken, Table.MEMBERS);
            try (var files = Files.list(members)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(members);

            assertThatThrownBy(warehouse::refresh)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(broken)
                    .hasMessageContaining("members");
            assertThat(warehouse.snapshot().orElseThrow().id()).isEqualTo(first);
            assertThat(ask(warehouse, "coops_formed", "").rows()).containsExactly(Rows.count(6));
        }
    }

    @Test
    void answersNeverMixSnapshotsWhileRefreshSwitches(@TempDir Path root)
            throws InterruptedException
    {
        // figures per snapshot: coops_formed, members_active, as-of date
        Map<String, List<Object>> expected = new ConcurrentHashMap<>();
        String first = ProgrammeFixture.programme(root).publish();
        expected.put(first, List.of(6L, 7L, LocalDate.parse("2020-06-30")));

        try (Warehouse warehouse = Warehouse.open(root, WarehouseSettings.defaults())) {
            AtomicBoolean running = new AtomicBoolean(true);
            Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
            Set<String> seen = ConcurrentHashMap.newKeySet();
            int[] answered = new int[4];
            List<Thread> readers = new ArrayList<>();
            for (int reader = 0; reader < 4; reader++) {
                int number = reader;
                Thread thread = new Thread(() -> {
                    try {
                        while (running.get()) {
                            IndicatorAnswer coops = ask(warehouse, "coops_formed", "");
                            IndicatorAnswer members = ask(warehouse, "members_active", "by=sex", Audience.MANAGER);
                            List<Object> figures = expected.get(coops.snapshot());
                            assertThat(figures).as("snapshot %s is known", coops.snapshot()).isNotNull();
                            assertThat(coops.rows().get(0).value()).isEqualTo(figures.get(0));
                            assertThat(coops.asOf()).contains((LocalDate) figures.get(2));
                            long total = members.rows().stream().mapToLong(row -> row.value().longValue()).sum();
                            assertThat(total).as("members of %s", members.snapshot()).isEqualTo(expected.get(members.snapshot()).get(1));
                            seen.add(coops.snapshot());
                            answered[number]++;
                        }
                    }
                    catch (Throwable e) {
                        failures.add(e);
                    }
                });
                thread.start();
                readers.add(thread);
            }

            for (int round = 0; round < 6; round++) {
                SnapshotFixture next = round % 2 == 0 ? small(root) : ProgrammeFixture.programme(root);
                String id = next.publish();
                expected.put(id, round % 2 == 0 ? List.of(2L, 3L, LocalDate.parse("2020-12-31")) : List.of(6L, 7L, LocalDate.parse("2020-06-30")));
                assertThat(warehouse.refresh()).isTrue();
                TimeUnit.MILLISECONDS.sleep(100);
            }
            running.set(false);
            for (Thread thread : readers) {
                thread.join(30_000);
            }

            assertThat(failures).isEmpty();
            assertThat(seen).hasSizeGreaterThanOrEqualTo(3);
            for (int count : answered) {
                assertThat(count).isPositive();
            }
        }
    }
}
