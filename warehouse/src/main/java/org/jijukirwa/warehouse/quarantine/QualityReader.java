package org.jijukirwa.warehouse.quarantine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jijukirwa.warehouse.snapshot.SnapshotLoader;
import org.jijukirwa.warehouse.snapshot.SqlResources;

/**
 * The rows accepted and rejected per dataset and district in a period (sql/quality/district_quality): counts only,
 * read from the quarantine's files and the snapshot's staging models for each request. Which date and which district
 * a row gets is documented in that SQL and in docs/interfaces.md ("Data quality").
 */
public final class QualityReader
{
    private QualityReader()
    {
    }

    /** Every dataset and district, ordered by dataset, district code (the unknown bucket last). */
    public static List<DistrictQuality> read(Connection connection, Path quarantineFolder, QualityPeriod period, LocalDate asOf)
            throws SQLException
    {
        // without quarantine files the macro has nothing to read: an empty file list of the same shape
        String files = SnapshotLoader.hasParquetFiles(quarantineFolder) ? SnapshotLoader.parquetFiles(quarantineFolder) : null;
        String sql = SqlResources.read("quality/district_quality");
        if (files == null) {
            sql = sql.replace("select * from quarantine_matching($1, null::varchar, null::varchar, null::varchar)",
                    "select null::varchar as dataset, null::varchar[] as reasons, null::varchar as last_seen_run, "
                            + "null::map(varchar, varchar) as raw_values where $1 is not null and false");
        }
        List<DistrictQuality> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, files == null ? "" : files);
            statement.setDate(2, Date.valueOf(period.from()));
            statement.setDate(3, Date.valueOf(period.to()));
            statement.setDate(4, Date.valueOf(asOf));
            try (ResultSet resultSet = statement.executeQuery()) {
                String dataset = null;
                Optional<String> district = Optional.empty();
                long accepted = 0;
                long rejected = 0;
                List<DistrictQuality.ReasonCount> reasons = new ArrayList<>();
                boolean open = false;
                while (resultSet.next()) {
                    String rowDataset = resultSet.getString("dataset");
                    Optional<String> rowDistrict = Optional.ofNullable(resultSet.getString("district_code"));
                    if (!open || !rowDataset.equals(dataset) || !Objects.equals(rowDistrict, district)) {
                        if (open) {
                            rows.add(new DistrictQuality(dataset, district, accepted, rejected, reasons));
                        }
                        open = true;
                        dataset = rowDataset;
                        district = rowDistrict;
                        accepted = resultSet.getLong("accepted_rows");
                        rejected = resultSet.getLong("rejected_rows");
                        reasons = new ArrayList<>();
                    }
                    String reason = resultSet.getString("reason");
                    if (reason != null && reasons.size() < DistrictQuality.TOP_REASONS) {
                        reasons.add(new DistrictQuality.ReasonCount(reason, resultSet.getLong("reason_rows")));
                    }
                }
                if (open) {
                    rows.add(new DistrictQuality(dataset, district, accepted, rejected, reasons));
                }
            }
        }
        return rows;
    }
}
