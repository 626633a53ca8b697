package org.jijukirwa.dashboard.upload;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file the ingest reads (ingest/README.md, "Input"), told by the name's extension as the ingest tells
 * them, and the dataset a name announces: the ingest's rule, a name starting with cooperative, member, training or coaching.
 */
public enum FieldFileKind
{
    CSV(".csv"),
    JSON_LINES(".jsonl", ".ndjson"),
    XLSX(".xlsx"),
    ODK_ZIP(".zip");

    public static final List<String> DATASETS = List.of("cooperatives", "members", "trainings", "coaching");
    public static final String ACCEPTED = "CSV (.csv), JSON Lines (.jsonl, .ndjson), KoboToolbox XLSX (.xlsx) or an ODK Central zip (.zip)";
    private static final List<String> NAME_PREFIXES = List.of("cooperative", "member", "training", "coaching");

    private final List<String> extensions;

    FieldFileKind(String... extensions)
    {
        this.extensions = List.of(extensions);
    }

    public static Optional<FieldFileKind> of(String fileName)
    {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (FieldFileKind kind : values()) {
            if (kind.extensions.stream().anyMatch(lower::endsWith)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** A workbook or zip whose form (a shipped one, found by form id or columns) can name its dataset itself. */
    public boolean formCanNameDataset()
    {
        return this == XLSX || this == ODK_ZIP;
    }

    /** The dataset a file name announces, as the ingest reads names ({@code Members_2020.csv} is members). */
    public static Optional<String> datasetOfName(String fileName)
    {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (int i = 0; i < NAME_PREFIXES.size(); i++) {
            if (lower.startsWith(NAME_PREFIXES.get(i))) {
                return Optional.of(DATASETS.get(i));
            }
        }
        return Optional.empty();
    }
}
