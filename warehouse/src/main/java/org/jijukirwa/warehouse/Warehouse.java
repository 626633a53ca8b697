package org.jijukirwa.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.jijukirwa.layout.WarehouseDirectory;

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
    private final IndicatorCatalogue catalogue;
    private final CellSuppression suppression;
    private final RunReports runReports;
    private final AtomicReference<LoadedSnapshot> current = new AtomicReference<>();
    private final Object switching = new Object();
    private boolean closed;

    private Warehouse(WarehouseDirectory directory, IndicatorCatalogue catalogue, CellSuppression suppression, RunReports runReports)
    {
        this.directory = requireNonNull(directory, "directory is null");
        this.catalogue = requireNonNull(catalogue, "catalogue is null");
        this.suppression = requireNonNull(suppression, "suppression is null");
        this.runReports = requireNonNull(runReports, "runReports is null");
    }

    /** Opens the warehouse folder and loads the snapshot CURRENT names, if any has been published. */
    public static Warehouse open(Path warehouseDirectory, WarehouseSettings settings)
    {
        requireNonNull(warehouseDirectory, "warehouseDirectory is null");
        requireNonNull(settings, "settings is null");
        WarehouseDirectory directory = new WarehouseDirectory(warehouseDirectory);
        Warehouse warehouse = new Warehouse(directory, IndicatorCatalogue.standard(),
                new CellSuppression(settings.suppressionThreshold()), new RunReports(directory));
        warehouse.refresh();
        return warehouse;
    }

    /** The snapshot being served, empty before the first publish. */
    public Optional<SnapshotInfo> snapshot()
    {
        return Optional.ofNullable(current.get()).map(LoadedSnapshot::info);
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
            LoadedSnapshot served = current.get();
            if (currentId.isEmpty() || (served != null && served.info().id().equals(currentId.get()))) {
                return false;
            }
            LoadedSnapshot loaded = SnapshotLoader.load(directory, currentId.get());
            LoadedSnapshot replaced = current.getAndSet(loaded);
            if (replaced != null) {
                replaced.release();
            }
            return true;
        }
    }

    public IndicatorCatalogue catalogue()
    {
        return catalogue;
    }

    /**
     * One whole answer from one snapshot.
     *
     * @throws UnknownIndicatorException for an id not in the catalogue
     * @throws InvalidParameterException naming the parameter that cannot be answered
     * @throws NoSnapshotException when nothing has been published yet
     */
    public IndicatorAnswer answer(IndicatorQuery query, Audience audience)
    {
        requireNonNull(query, "query is null");
        requireNonNull(audience, "audience is null");
        IndicatorSpec spec = catalogue.spec(query.indicatorId())
                .orElseThrow(() -> new UnknownIndicatorException(query.indicatorId()));
        LoadedSnapshot snapshot = acquire();
        try {
            ResolvedQuery resolved = QueryResolver.resolve(spec, query, snapshot);
            List<AnswerRow> rows = rows(snapshot, resolved);
            List<String> by = resolved.by().stream().map(Dimension::parameterName).toList();
            if (audience == Audience.PUBLIC && spec.definition().countsPersons()) {
                rows = suppression.apply(rows, by, spec.definition().unit());
            }
            return new IndicatorAnswer(spec.id(), spec.definition().kind(), spec.definition().unit(), by, snapshot.info().id(),
                    resolved.asOf(), resolved.from(), resolved.to(), resolved.grain(), rows);
        }
        finally {
            snapshot.release();
        }
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
            LoadedSnapshot served = current.getAndSet(null);
            if (served != null) {
                served.release();
            }
        }
    }

    /** The snapshot being served, retained for one request: the caller releases it. */
    private LoadedSnapshot acquire()
    {
        while (true) {
            LoadedSnapshot snapshot = current.get();
            if (snapshot == null) {
                throw new NoSnapshotException();
            }
            if (snapshot.retain()) {
                return snapshot;
            }
            // it was replaced and closed between the read and the retain: read the reference again
        }
    }

    private static List<AnswerRow> rows(LoadedSnapshot snapshot, ResolvedQuery query)
    {
        SqlStatement statement = IndicatorSql.build(query);
        IndicatorUnit unit = query.spec().definition().unit();
        List<AnswerRow> rows = new ArrayList<>();
        try (Connection connection = snapshot.connect();
                PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
            List<Object> parameters = statement.parameters();
            for (int index = 0; index < parameters.size(); index++) {
                prepared.setObject(index + 1, parameters.get(index));
            }
            try (ResultSet resultSet = prepared.executeQuery()) {
                while (resultSet.next()) {
                    rows.add(row(resultSet, query, unit));
                }
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("indicator " + query.spec().id() + " failed on snapshot " + snapshot.info().id() + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private static AnswerRow row(ResultSet resultSet, ResolvedQuery query, IndicatorUnit unit)
            throws SQLException
    {
        Map<String, String> cells = new LinkedHashMap<>();
        if (query.grain().isPresent()) {
            cells.put(CellSuppression.PERIOD, resultSet.getString("period"));
        }
        for (Dimension dimension : query.by()) {
            cells.put(dimension.parameterName(), resultSet.getString(dimension.parameterName()));
        }
        long numerator = resultSet.getLong("numerator");
        return switch (unit) {
            case COUNT -> new AnswerRow(cells, numerator, null, numerator, false, Optional.empty());
            case RATE -> {
                Number denominator = wholeIfIntegral((Number) resultSet.getObject("denominator"));
                Double value = denominator == null || denominator.doubleValue() == 0 ? null : numerator / denominator.doubleValue();
                yield new AnswerRow(cells, numerator, denominator, value, false, Optional.empty());
            }
            case DAYS -> {
                Number value = (Number) resultSet.getObject("value");
                yield new AnswerRow(cells, null, null, value == null ? null : value.doubleValue(), false, Optional.empty());
            }
        };
    }

    /** Counts stay Long; a target (stored as a double) is shown as a whole number when it is one. */
    private static Number wholeIfIntegral(Number number)
    {
        if (number == null || number instanceof Long) {
            return number;
        }
        double value = number.doubleValue();
        if (value == Math.rint(value) && !Double.isInfinite(value)) {
            return (long) value;
        }
        return value;
    }
}
