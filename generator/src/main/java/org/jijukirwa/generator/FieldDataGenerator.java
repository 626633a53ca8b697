package org.jijukirwa.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Writes a synthetic programme data set in the contract's formats under
 * {@code out}: cooperatives/, members/, trainings/, coaching/ and a
 * MANIFEST.json saying what was written, which bad rows were injected (by
 * quarantine reason) and the as-of date to ingest with; optionally the
 * field tools' exports of the programme's forms in field-exports/. Same seed
 * and parameters, same bytes.
 */
public final class FieldDataGenerator
{
    public static final String MANIFEST_FILE = "MANIFEST.json";

    private final Path out;
    private final long seed;
    private final String presetName;
    private final PresetParameters parameters;
    private final boolean fieldExports;

    public FieldDataGenerator(Path out, long seed, String presetName, PresetParameters parameters)
    {
        this(out, seed, presetName, parameters, false);
    }

    /** With {@code fieldExports}, also writes field-exports/ (exports of the programme's forms, see FieldExports) and its manifest section. */
    public FieldDataGenerator(Path out, long seed, String presetName, PresetParameters parameters, boolean fieldExports)
    {
        this.out = requireNonNull(out, "out is null");
        this.seed = seed;
        this.presetName = requireNonNull(presetName, "presetName is null");
        this.parameters = requireNonNull(parameters, "parameters is null");
        this.fieldExports = fieldExports;
    }

    /** Generates the data set and returns the manifest it wrote. */
    public Map<String, Object> generate()
            throws IOException
    {
        Files.createDirectories(out);
        GenerationRun run = new GenerationRun(out, seed, parameters);
        run.run();
        Map<String, Object> manifest = manifest(run);
        if (fieldExports) {
            manifest.put("field_exports", new FieldExports(out, seed, parameters.start(), parameters.end()).write());
        }
        Files.writeString(out.resolve(MANIFEST_FILE), JsonText.pretty(manifest), StandardCharsets.UTF_8);
        return manifest;
    }

    private Map<String, Object> manifest(GenerationRun run)
            throws IOException
    {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("generator", "org.jijukirwa.generator.GenerateMain");
        manifest.put("command", "generate --out DIR --preset " + presetName + " --seed " + seed
                + " --cooperatives " + parameters.cooperatives() + " --start " + parameters.start() + " --end " + parameters.end());
        manifest.put("preset", presetName);
        manifest.put("seed", seed);
        manifest.put("cooperatives", parameters.cooperatives());
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("start", parameters.start().toString());
        period.put("end", parameters.end().toString());
        manifest.put("period", period);
        manifest.put("as_of", parameters.asOf().toString());
        manifest.put("note", "rows are records (a quoted line break does not start a row); every bad row carries exactly one "
                + "quarantine reason; identical_repeats are valid rows that repeat an earlier row of the same key exactly; "
                + "superseding_rows are valid newer versions (greater updated_at) of an earlier row's key; current_keys is the "
                + "number of distinct keys with at least one valid row");
        Map<String, Object> datasets = new LinkedHashMap<>();
        for (Dataset dataset : Dataset.values()) {
            long rows = 0;
            long identicalRepeats = 0;
            long supersedingRows = 0;
            Map<String, Long> byReason = new TreeMap<>();
            Map<String, Object> fileEntries = new LinkedHashMap<>();
            for (RecordFile file : run.files().files(dataset)) {
                FileTally tally = file.tally();
                rows += tally.rows();
                identicalRepeats += tally.identicalRepeats();
                supersedingRows += tally.supersedingRows();
                tally.badRowsByReason().forEach((reason, count) -> byReason.merge(reason, count, Long::sum));
                Map<String, Object> entry = new LinkedHashMap<>(file.format());
                entry.put("bytes", Files.size(out.resolve(file.relativePath())));
                entry.put("rows", tally.rows());
                entry.put("valid_rows", tally.validRows());
                entry.put("bad_rows", tally.badRows());
                entry.put("bad_rows_by_reason", new TreeMap<>(tally.badRowsByReason()));
                entry.put("identical_repeats", tally.identicalRepeats());
                entry.put("superseding_rows", tally.supersedingRows());
                fileEntries.put(file.relativePath(), entry);
            }
            long badRows = byReason.values().stream().mapToLong(Long::longValue).sum();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("rows", rows);
            entry.put("valid_rows", rows - badRows);
            entry.put("bad_rows", badRows);
            entry.put("bad_rows_by_reason", byReason);
            entry.put("identical_repeats", identicalRepeats);
            entry.put("superseding_rows", supersedingRows);
            entry.put("current_keys", run.currentKeys(dataset));
            entry.put("files", fileEntries);
            datasets.put(dataset.folder(), entry);
        }
        manifest.put("datasets", datasets);
        return manifest;
    }
}
