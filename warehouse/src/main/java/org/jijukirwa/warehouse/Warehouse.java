package org.jijukirwa.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.jijukirwa.layout.Table;
import org.jijukirwa.layout.WarehouseDirectory;
import org.jijukirwa.warehouse.disclosure.CountRounding;
import org.jijukirwa.warehouse.answer.AnswerCache;
import org.jijukirwa.warehouse.answer.AnswerCells;
import org.jijukirwa.warehouse.answer.AnswerColumns;
import org.jijukirwa.warehouse.answer.AnswerCursor;
import org.jijukirwa.warehouse.answer.AnswerHeading;
import org.jijukirwa.warehouse.answer.AnswerRow;
import org.jijukirwa.warehouse.answer.Audience;
import org.jijukirwa.warehouse.answer.ExplainedQuery;
import org.jijukirwa.warehouse.answer.IndicatorAnswer;
import org.jijukirwa.warehouse.answer.IndicatorSql;
import org.jijukirwa.warehouse.answer.Protection;
import org.jijukirwa.warehouse.answer.QueryResolver;
import org.jijukirwa.warehouse.answer.ResolvedQuery;
import org.jijukirwa.warehouse.answer.SqlStatement;
import org.jijukirwa.warehouse.cooperative.CooperativeId;
import org.jijukirwa.warehouse.cooperative.CooperativeList;
import org.jijukirwa.warehouse.cooperative.CooperativeListQuery;
import org.jijukirwa.warehouse.cooperative.CooperativeProfile;
import org.jijukirwa.warehouse.cooperative.CooperativeReader;
import org.jijukirwa.warehouse.cooperative.CooperativeSearch;
import org.jijukirwa.warehouse.cooperative.CooperativeSummary;
import org.jijukirwa.warehouse.cooperative.StuckRule;
import org.jijukirwa.warehouse.indicator.Indicator;
import org.jijukirwa.warehouse.indicator.IndicatorCatalogue;
import org.jijukirwa.warehouse.indicator.IndicatorQuery;
import org.jijukirwa.warehouse.indicator.InvalidParameterException;
import org.jijukirwa.warehouse.indicator.UnknownIndicatorException;
import org.jijukirwa.warehouse.lineage.Lineage;
import org.jijukirwa.warehouse.lineage.LineageJson;
import org.jijukirwa.warehouse.lineage.LineageReader;
import org.jijukirwa.warehouse.lineage.SnapshotLineage;
import org.jijukirwa.warehouse.lineage.UnknownSnapshotException;
import org.jijukirwa.warehouse.quarantine.DistrictQuality;
import org.jijukirwa.warehouse.quarantine.QualityPeriod;
import org.jijukirwa.warehouse.quarantine.QualityReader;
import org.jijukirwa.warehouse.quarantine.QuarantinePage;
import org.jijukirwa.warehouse.quarantine.QuarantineQuery;
import org.jijukirwa.warehouse.quarantine.QuarantineReader;
import org.jijukirwa.warehouse.snapshot.DataTestFailure;
import org.jijukirwa.warehouse.snapshot.DataTests;
import org.jijukirwa.warehouse.snapshot.LoadedSnapshot;
import org.jijukirwa.warehouse.snapshot.ReferenceList;
import org.jijukirwa.warehouse.snapshot.RunReport;
import org.jijukirwa.warehouse.snapshot.RunReports;
import org.jijukirwa.warehouse.snapshot.SnapshotInfo;
import org.jijukirwa.warehouse.snapshot.SnapshotLoader;

import static java.util.Objects.requireNonNull;

/**
 * Opened once per process; thread-safe. Serves the snapshot CURRENT names; {@link #refresh()} loads a
 * newly published one completely, then switches one reference, so that every answer reads one
 * snapshot from start to end. A replaced snapshot's database closes when its last request ends.
 */
public final class Warehouse
        implements AutoCloseable
{
    private final WarehouseDirectory directory;
    private final WarehouseSettings settings;
    private final IndicatorCatalogue catalogue;
    private final Optional<CountRounding> rounding;
    private final RunReports runReports;
    private final LineageReader lineageReader;
    private final AtomicReference<Served> current = new AtomicReference<>();
    private final Object switching = new Object();
    private boolean closed;

    private Warehouse(WarehouseDirectory directory, WarehouseSettings settings, IndicatorCatalogue catalogue, Optional<CountRounding> rounding,
            RunReports runReports)
    {
        this.directory = requireNonNull(directory, "directory is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.catalogue = requireNonNull(catalogue, "catalogue is null");
        this.rounding = requireNonNull(rounding, "rounding is null");
        this.runReports = requireNonNull(runReports, "runReports is null");
        this.lineageReader = new LineageReader(directory, runReports);
    }

    /** Opens the warehouse folder and loads the snapshot CURRENT names, if any has been published. */
    public static Warehouse open(Path warehouseDirectory, WarehouseSettings settings)
    {
        requireNonNull(warehouseDirectory, "warehouseDirectory is null");
        requireNonNull(settings, "settings is null");
        WarehouseDirectory directory = new WarehouseDirectory(warehouseDirectory);
        Warehouse warehouse = new Warehouse(directory, settings, IndicatorCatalogue.standard(),
                settings.disclosureSecret().map(CountRounding::new), new RunReports(directory));
        warehouse.refresh();
        return warehouse;
    }

    /** The snapshot being served, empty before the first publish. */
    public Optional<SnapshotInfo> snapshot()
    {
        return Optional.ofNullable(current.get()).map(served -> served.snapshot().info());
    }

    /**
     * Loads the snapshot CURRENT names if it changed; true if it switched. A snapshot that cannot be
     * loaded throws {@link IllegalStateException} and the previous one stays served.
     */
    public boolean refresh()
    {
        synchronized (switching) {
            if (closed) {
                throw new IllegalStateException("the warehouse is closed");
            }
            Optional<String> currentId = directory.currentSnapshotId();
            Served served = current.get();
            if (currentId.isEmpty() || (served != null && served.snapshot().info().id().equals(currentId.get()))) {
                return false;
            }
            LoadedSnapshot loaded = SnapshotLoader.load(directory, currentId.get(), settings.databaseMemoryLimit(), settings.querySlots(), settings.queryTimeout());
            installRounding(loaded);
            Served replaced = current.getAndSet(new Served(loaded, new AnswerCache(AnswerCache.DEFAULT_MAX_ROWS)));
            if (replaced != null) {
                replaced.snapshot().release();
            }
            return true;
        }
    }

    /** Defines the keyed rounding's macros in the snapshot's database (shared by its connections), when a secret is configured. */
    private void installRounding(LoadedSnapshot loaded)
    {
        if (rounding.isEmpty()) {
            return;
        }
        // in the database's memory: the secret is never written to the snapshot's built file
        try (Connection connection = loaded.connectToMemory()) {
            rounding.get().install(connection);
        }
        catch (SQLException e) {
            loaded.release();
            throw new IllegalStateException("cannot install the disclosure rounding in snapshot " + loaded.info().id() + ": " + e.getMessage(), e);
        }
    }

    public IndicatorCatalogue catalogue()
    {
        return catalogue;
    }

    /** A deadline of the query time limit ({@link WarehouseSettings#queryTimeout()}) from now: one per request. */
    public Deadline deadline()
    {
        return Deadline.after(settings.queryTimeout());
    }

    /** {@link #answer(IndicatorQuery, Audience, Deadline)} with a deadline of its own. */
    public IndicatorAnswer answer(IndicatorQuery query, Audience audience)
    {
        return answer(query, audience, deadline());
    }

    /**
     * One whole answer from one snapshot, of at most {@link WarehouseSettings#maxAnswerCells()} cells; the wait for a query
     * slot, the SQL and reading the rows count against the request's deadline.
     *
     * @throws UnknownIndicatorException for an id not in the catalogue
     * @throws InvalidParameterException naming the parameter that cannot be answered, or what to narrow in an answer too large
     * @throws NoSnapshotException when nothing has been published yet
     * @throws WarehouseBusyException past the deadline
     */
    public IndicatorAnswer answer(IndicatorQuery query, Audience audience, Deadline deadline)
    {
        requireNonNull(deadline, "deadline is null");
        // Validated first, so a bad request is refused the same way whether or not its twin was cached.
        Prepared prepared = prepare(query, audience);
        AnswerCache cache = prepared.answers();
        Optional<IndicatorAnswer> cached = cache.find(query, audience);
        if (cached.isPresent()) {
            prepared.snapshot().release();
            return cached.get();
        }
        try (AnswerCursor cursor = AnswerCursor.open(prepared.heading(), prepared.query(), prepared.snapshot(), prepared.protection(),
                deadline, settings.maxAnswerCells(), AnswerCursor.ANSWER, "; or download it as an export (up to " + settings.maxExportCells() + " cells)", true)) {
            List<AnswerRow> rows = new ArrayList<>();
            cursor.forEachRemaining(rows::add);
            IndicatorAnswer answer = cursor.heading().answer(rows);
            cache.keep(query, audience, answer);
            return answer;
        }
    }

    /**
     * The same answer as {@link #answer}, its rows streamed from DuckDB as they are read: for exports of up to
     * {@link WarehouseSettings#maxExportCells()} cells. Invalid or too large requests fail here, before any row is read; the
     * SQL runs within the deadline, the rows are then read as the client takes them. The caller closes the cursor.
     */
    public AnswerCursor openAnswer(IndicatorQuery query, Audience audience, Deadline deadline)
    {
        requireNonNull(deadline, "deadline is null");
        Prepared prepared = prepare(query, audience);
        return AnswerCursor.open(prepared.heading(), prepared.query(), prepared.snapshot(), prepared.protection(),
                deadline, settings.maxExportCells(), AnswerCursor.EXPORT, "", false);
    }

    /**
     * Writes the same answer as {@link #answer} to a Parquet file (replacing it), with the typed columns of
     * {@link AnswerHeading#columns()}: dimensions VARCHAR, numerator BIGINT, denominator BIGINT (DOUBLE for a
     * target), value DOUBLE, suppressed BOOLEAN (always false), suppression VARCHAR (always null). At most
     * {@link WarehouseSettings#maxExportCells()} cells, written within the deadline.
     */
    public AnswerHeading writeParquet(IndicatorQuery query, Audience audience, Path file, Deadline deadline)
    {
        requireNonNull(file, "file is null");
        requireNonNull(deadline, "deadline is null");
        Prepared prepared = prepare(query, audience);
        LoadedSnapshot snapshot = prepared.snapshot();
        try (Connection connection = snapshot.connect()) {
            return snapshot.inQuerySlot(deadline, () -> {
                AnswerCells.create(connection, prepared.query(), prepared.protection());
                AnswerCells.checkRows(connection, settings.maxExportCells(), AnswerCursor.EXPORT, "");
                try (Statement statement = connection.createStatement()) {
                    statement.execute(AnswerCells.copyToParquetSql(prepared.query(), file, LineageJson.toJsonText(prepared.heading().lineage())));
                }
                return prepared.heading();
            });
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot write indicator " + query.indicatorId() + " of snapshot " + snapshot.info().id()
                    + " to Parquet: " + e.getMessage(), e);
        }
        finally {
            snapshot.release();
        }
    }

    /**
     * The SQL that {@link #answer} runs for a query on the served snapshot, with its parameters: its rows are
     * the answer's exact cells (the manager's view). For benchmarks and diagnostics.
     */
    public ExplainedQuery explain(IndicatorQuery query)
    {
        Prepared prepared = prepare(query, Audience.MANAGER);
        try {
            SqlStatement sql = IndicatorSql.build(prepared.query());
            return new ExplainedQuery(sql.sql(), sql.parameters());
        }
        finally {
            prepared.snapshot().release();
        }
    }

    /**
     * A connection of its own to the served snapshot's database, to run {@link #explain}ed SQL bare: for
     * benchmarks and diagnostics. Valid until the snapshot is replaced or the warehouse closed; the caller
     * closes it and must not write through it.
     */
    public Connection connectToSnapshot()
    {
        return read(snapshot -> {
            try {
                return snapshot.connect();
            }
            catch (SQLException e) {
                throw new IllegalStateException("cannot connect to snapshot " + snapshot.info().id() + ": " + e.getMessage(), e);
            }
        });
    }

    /** The reference data of the served snapshot: provinces with their districts, value chains, topics, sexes, age bands, targets. */
    public ReferenceList reference()
    {
        return read(snapshot -> snapshot.referenceData().list(snapshot.info().id()));
    }

    /**
     * A page of the served snapshot's quarantine: rejected rows with their raw text, which holds personal data.
     * Only for callers with the admin role; nothing else in this API returns quarantined rows.
     */
    public QuarantinePage quarantine(QuarantineQuery query)
    {
        requireNonNull(query, "query is null");
        return read(snapshot -> {
            try (Connection connection = snapshot.connect()) {
                return QuarantineReader.read(connection, directory.table(snapshot.info().id(), Table.QUARANTINE), snapshot.info().id(), query);
            }
            catch (SQLException e) {
                throw new IllegalStateException("cannot read the quarantine of snapshot " + snapshot.info().id() + ": " + e.getMessage(), e);
            }
        });
    }

    /** The datasets whose rows count people: their district breakdown of data quality is for managers only (docs/disclosure.md). */
    public static final Set<String> PERSON_DATASETS = Set.of("members", "trainings");

    /**
     * The rows accepted and rejected per dataset and district in a period, with the most frequent reasons: counts only.
     * The public gets no district rows of members and trainings (attendances): they count people, per district and
     * unrounded, finer than the disclosure rule lets the public see; managers get every dataset.
     */
    public List<DistrictQuality> dataQuality(QualityPeriod period, Audience audience)
    {
        requireNonNull(period, "period is null");
        requireNonNull(audience, "audience is null");
        List<DistrictQuality> rows = read(snapshot -> {
            try (Connection connection = snapshot.connect()) {
                return snapshot.inQuerySlot(() -> QualityReader.read(connection, directory.table(snapshot.info().id(), Table.QUARANTINE), period,
                        snapshot.info().asOf()));
            }
            catch (SQLException e) {
                throw new IllegalStateException("cannot read the data quality of snapshot " + snapshot.info().id() + ": " + e.getMessage(), e);
            }
        });
        return audience == Audience.MANAGER ? rows : rows.stream().filter(row -> !PERSON_DATASETS.contains(row.dataset())).toList();
    }

    /** The cooperatives whose id or name contains the search text, exact ids first; public (names are an organisation's). */
    public List<CooperativeSummary> searchCooperatives(CooperativeSearch search)
    {
        requireNonNull(search, "search is null");
        return read(snapshot -> cooperativeWork(snapshot, connection -> CooperativeReader.search(connection, search)));
    }

    /**
     * One cooperative's profile as of the snapshot's date. Its people counts (members over time, attendees per session)
     * only for managers: a cooperative is finer than any public cell of the disclosure rule.
     *
     * @throws InvalidParameterException for a malformed id
     * @throws org.jijukirwa.warehouse.cooperative.UnknownCooperativeException for an id the snapshot does not hold
     */
    public CooperativeProfile cooperative(String cooperativeId, StuckRule rule, Audience audience)
    {
        String id = CooperativeId.parse(cooperativeId);
        requireNonNull(rule, "rule is null");
        requireNonNull(audience, "audience is null");
        return read(snapshot -> cooperativeWork(snapshot,
                connection -> CooperativeReader.profile(connection, snapshot.info(), id, rule, audience == Audience.MANAGER)));
    }

    /**
     * The cooperatives behind a cell with their people counts: only for callers with the manager role.
     *
     * @throws InvalidParameterException naming the parameter that cannot be answered
     */
    public CooperativeList cooperativeList(Map<String, String> parameters)
    {
        requireNonNull(parameters, "parameters is null");
        return read(snapshot -> {
            CooperativeListQuery query = CooperativeListQuery.parse(parameters, snapshot.referenceData());
            return cooperativeWork(snapshot, connection -> CooperativeReader.list(connection, snapshot.info(), query));
        });
    }

    private static <T> T cooperativeWork(LoadedSnapshot snapshot, ConnectionWork<T> work)
    {
        try (Connection connection = snapshot.connect()) {
            return snapshot.inQuerySlot(() -> work.run(connection));
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot read the cooperatives of snapshot " + snapshot.info().id() + ": " + e.getMessage(), e);
        }
    }

    /** Runs every SQL data test on the served snapshot; empty when all hold. */
    public List<DataTestFailure> dataTestFailures()
    {
        return read(snapshot -> {
            try (Connection connection = snapshot.connect()) {
                return DataTests.failures(connection);
            }
            catch (SQLException e) {
                throw new IllegalStateException("cannot run the data tests on snapshot " + snapshot.info().id() + ": " + e.getMessage(), e);
            }
        });
    }

    /** The k of the public view: the base its person counts are rounded to (docs/disclosure.md). */
    public int suppressionThreshold()
    {
        return settings.suppressionThreshold();
    }

    /**
     * What built a snapshot (the served one when {@code snapshotId} is empty), as this audience may see it: the public
     * gets no file names. Its protection says whether this audience's person counts are rounded.
     *
     * @throws InvalidParameterException for a malformed snapshot id
     * @throws UnknownSnapshotException for a snapshot the warehouse does not hold
     * @throws NoSnapshotException when no id is given and nothing has been published yet
     */
    public Lineage lineage(Optional<String> snapshotId, Audience audience)
    {
        requireNonNull(snapshotId, "snapshotId is null");
        requireNonNull(audience, "audience is null");
        String id = snapshotId.orElseGet(() -> snapshot().orElseThrow(NoSnapshotException::new).id());
        if (!WarehouseDirectory.isSnapshotId(id)) {
            throw new InvalidParameterException("snapshot", "snapshot must be a snapshot id such as 20200701T060000123Z-3f9a1c, not '" + id + "'");
        }
        boolean protectedCounts = roundsPersonCounts(audience);
        return new Lineage(Optional.empty(), visibleTo(audience, lineageReader.lineage(id)), protectedCounts, settings.suppressionThreshold());
    }

    /** Whether this audience's counts of people are rounded (docs/disclosure.md): the public's, unless k is below 2. */
    private boolean roundsPersonCounts(Audience audience)
    {
        return audience == Audience.PUBLIC && settings.suppressionThreshold() >= 2;
    }

    /** A snapshot's lineage as this audience may see it: file names for managers only (interfaces.md, "Lineage"). */
    private static SnapshotLineage visibleTo(Audience audience, SnapshotLineage lineage)
    {
        return audience == Audience.MANAGER ? lineage : lineage.withoutFileNames();
    }

    /** One run report per published snapshot, newest first. */
    public List<RunReport> runs()
    {
        return runReports.newestFirst();
    }

    /** Stops serving; the database closes once the requests still reading it end. */
    @Override
    public void close()
    {
        synchronized (switching) {
            closed = true;
            Served served = current.getAndSet(null);
            if (served != null) {
                served.snapshot().release();
            }
        }
    }

    /** The snapshot being served, retained for one request: the caller releases it. */
    private Served acquire()
    {
        while (true) {
            Served served = current.get();
            if (served == null) {
                throw new NoSnapshotException();
            }
            if (served.snapshot().retain()) {
                return served;
            }
            // it was replaced and closed between the read and the retain: read the reference again
        }
    }

    /** Runs one piece of work on the served snapshot, retained while it runs. */
    private <T> T read(Function<LoadedSnapshot, T> work)
    {
        LoadedSnapshot snapshot = acquire().snapshot();
        try {
            return work.apply(snapshot);
        }
        finally {
            snapshot.release();
        }
    }

    /** Checks the request against the catalogue and the served snapshot, which it retains: the caller releases it. */
    private Prepared prepare(IndicatorQuery query, Audience audience)
    {
        requireNonNull(query, "query is null");
        requireNonNull(audience, "audience is null");
        Indicator indicator = catalogue.find(query.indicatorId())
                .orElseThrow(() -> new UnknownIndicatorException(query.indicatorId()));
        Served served = acquire();
        LoadedSnapshot snapshot = served.snapshot();
        try {
            ResolvedQuery resolved = QueryResolver.resolve(indicator, query, snapshot);
            // k = 1 publishes exact counts (docs/disclosure.md)
            boolean protectedCounts = indicator.countsPersons() && roundsPersonCounts(audience);
            if (protectedCounts && rounding.isEmpty()) {
                throw new DisclosureKeyMissingException();
            }
            Lineage lineage = new Lineage(Optional.of(indicator), visibleTo(audience, lineageReader.lineage(snapshot.info().id())),
                    protectedCounts, settings.suppressionThreshold());
            AnswerHeading heading = new AnswerHeading(indicator, resolved.by(), resolved.filters(), snapshot.info(),
                    resolved.asOf(), resolved.from(), resolved.to(), resolved.grain(), audience, protectedCounts, settings.suppressionThreshold(),
                    AnswerColumns.of(resolved), lineage);
            Optional<Protection> protection = protectedCounts
                    ? Optional.of(new Protection(settings.suppressionThreshold(), snapshot.referenceData()))
                    : Optional.empty();
            return new Prepared(heading, resolved, snapshot, served.answers(), protection);
        }
        catch (RuntimeException e) {
            snapshot.release();
            throw e;
        }
    }

    @FunctionalInterface
    private interface ConnectionWork<T>
    {
        T run(Connection connection)
                throws SQLException;
    }

    private record Prepared(AnswerHeading heading, ResolvedQuery query, LoadedSnapshot snapshot, AnswerCache answers,
            Optional<Protection> protection)
    {
    }

    /** A snapshot being served and the answers already computed on it, which stay right as long as it is served. */
    private record Served(LoadedSnapshot snapshot, AnswerCache answers)
    {
    }
}
