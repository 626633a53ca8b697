package org.jijukirwa.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The files of a generated data set: one per dataset and calendar year (a
 * yearly export of each register), in formats that differ from year to year
 * the way exports of different tools and officers do.
 */
final class OutputFiles
{
    private static final Pattern GENERATED_FILE = Pattern.compile("(cooperatives|members|trainings|coaching)_\\d{4}\\.(csv|jsonl)");

    private final int firstYear;
    private final Map<Dataset, List<RecordFile>> files = new EnumMap<>(Dataset.class);

    OutputFiles(Path root, int firstYear, int lastYear, long seed)
    {
        requireNonNull(root, "root is null");
        this.firstYear = firstYear;
        for (Dataset dataset : Dataset.values()) {
            Path folder = root.resolve(dataset.folder());
            prepare(folder);
            List<RecordFile> yearly = new ArrayList<>();
            for (int year = firstYear; year <= lastYear; year++) {
                yearly.add(open(folder, dataset, year, year - firstYear, seed));
            }
            files.put(dataset, yearly);
        }
    }

    RecordFile file(Dataset dataset, int year)
    {
        return files.get(dataset).get(year - firstYear);
    }

    List<RecordFile> files(Dataset dataset)
    {
        return files.get(dataset);
    }

    void close()
    {
        files.values().forEach(yearly -> yearly.forEach(RecordFile::close));
    }

    // Files from an earlier run would be ingested too: replace ours, refuse to mix with anything else.
    private static void prepare(Path folder)
    {
        try {
            Files.createDirectories(folder);
            List<Path> existing;
            try (Stream<Path> children = Files.list(folder)) {
                existing = children.sorted().toList();
            }
            for (Path path : existing) {
                if (!GENERATED_FILE.matcher(path.getFileName().toString()).matches()) {
                    throw new IllegalStateException(folder + " holds a file the generator did not write: " + path.getFileName());
                }
            }
            for (Path path : existing) {
                Files.delete(path);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + folder, e);
        }
    }

    private static RecordFile open(Path folder, Dataset dataset, int year, int yearIndex, long seed)
    {
        int variant = yearIndex % 3;
        if (dataset == Dataset.COACHING && variant == 2) {
            String name = dataset.folder() + "_" + year + ".jsonl";
            return new JsonLinesRecordFile(folder.resolve(name), dataset.folder() + "/" + name, dataset,
                    Set.of("maturity_score"), Seeds.random(seed, 0x150L, year));
        }
        String name = dataset.folder() + "_" + year + ".csv";
        return new CsvRecordFile(folder.resolve(name), dataset.folder() + "/" + name, dataset, style(dataset, variant, yearIndex == 0));
    }

    private static CsvStyle style(Dataset dataset, int variant, boolean firstFile)
    {
        List<String> columns = dataset.columns();
        return switch (dataset) {
            case COOPERATIVES -> switch (variant) {
                case 0 -> CsvStyle.plain(',', false, firstFile, false, columns);
                case 1 -> new CsvStyle(';', false, false, true,
                        List.of("cooperative_id", "district", "sector", "value_chain", "cooperative_name", "formed_on", "applied_on",
                                "registered_on", "rca_certificate_no", "bdc_linked_on", "union_affiliated_on", "updated_at", "gps_lat", "_uuid"),
                        List.of("Cooperative_ID", " District ", "SECTOR", "Value_Chain", "Cooperative_Name", "formed_on", "Applied_On",
                                "registered_on", "rca_certificate_no", "bdc_linked_on", "union_affiliated_on", "Updated_At", "gps_lat", "_uuid"));
                default -> new CsvStyle(',', true, false, false, columns, columns.stream().map(name -> name.toUpperCase(Locale.ROOT)).toList());
            };
            case MEMBERS -> switch (variant) {
                case 0 -> CsvStyle.plain(',', false, false, false, columns);
                case 1 -> CsvStyle.plain(';', true, false, true, columns);
                default -> new CsvStyle(',', false, false, false,
                        List.of("member_id", "cooperative_id", "full_name", "national_id", "sex", "phone", "birth_year", "disability",
                                "joined_on", "left_on", "updated_at", "_index"),
                        List.of("Member_ID", "Cooperative_ID", "Full_Name", "National_ID", "Sex", "Phone", "Birth_Year", "Disability",
                                "Joined_On", "Left_On", "Updated_At", "_index"));
            };
            case TRAININGS -> switch (variant) {
                case 0 -> new CsvStyle(',', false, false, false,
                        List.of("session_id", "held_on", "district", "topic", "cooperative_id", "member_id", "attendee_role", "facilitator",
                                "updated_at", "venue_gps"),
                        List.of("Session_ID", "HELD_ON", "District", "topic", "cooperative_id", "Member_Id", "attendee_role", "facilitator",
                                "updated_at", "venue_gps"));
                case 1 -> CsvStyle.plain(';', false, false, false, columns);
                default -> CsvStyle.plain(',', true, false, true, columns);
            };
            case COACHING -> variant == 0
                    ? CsvStyle.plain(',', false, false, false, columns)
                    : new CsvStyle(';', false, false, true, columns,
                            List.of("Visit_ID", "Cooperative_ID", "Visited_On", "Coach", "Topics", "Maturity_Score", "Follow_Up_Due", "Notes", "Updated_At"));
        };
    }
}
