package org.jijukirwa.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.jijukirwa.generator.FieldSubmission.Review.APPROVED;
import static org.jijukirwa.generator.FieldSubmission.Review.EDITED;
import static org.jijukirwa.generator.FieldSubmission.Review.NONE;
import static org.jijukirwa.generator.FieldSubmission.Review.ON_HOLD;
import static org.jijukirwa.generator.FieldSubmission.Review.REJECTED;

/**
 * Writes {@code field-exports/} under the output root: the records of
 * {@link FieldRecords} exported through the programme's forms as KoboToolbox,
 * the legacy KoBoCAT and ODK Central write them ({@link FieldExportFormats}),
 * a mapping file that tells the ingest which dataset each file is and which
 * metadata column is the version, and the manifest's {@code field_exports}
 * section: per file and per dataset, the contract records it holds, how many
 * the ingest should accept, and the quarantine reasons of the rest
 * ({@code rejected_in_review} for a submission a reviewer rejected,
 * {@code unknown_cooperative} for a mistyped cooperative id).
 *
 * <p>File names say the form (jijukirwa_members...), not the dataset, as the
 * tools name downloads after the form: an ingest that tells a file's dataset
 * from its name only ignores them; one that reads field exports matches them
 * to forms/ (form id, sheet title, columns), or takes the mapping file's word.
 */
final class FieldExports
{
    static final String FOLDER = "field-exports";
    static final String MAPPING_FILE = FOLDER + "/mapping.json";
    private static final Pattern GENERATED = Pattern.compile("(kobo|kobo-legacy|odk)(/jijukirwa_[a-z_-]+\\.(csv|xlsx|zip))?|mapping\\.json");

    /** One file written: where, which tool and flavour, which form, the submissions in it. */
    private record ExportFile(String path, String tool, String flavour, XlsForms.XlsForm form, List<FieldSubmission> submissions, byte[] bytes,
            List<String> parts)
    {
    }

    private final Path root;
    private final FieldRecords records;

    FieldExports(Path root, long seed, LocalDate start, LocalDate end)
    {
        this.root = root;
        this.records = new FieldRecords(seed, start, end);
    }

    /** Writes the files and returns the manifest's field_exports section. */
    Map<String, Object> write()
            throws IOException
    {
        prepare(root.resolve(FOLDER));
        List<ExportFile> files = files();
        for (ExportFile file : files) {
            Path path = root.resolve(file.path());
            Files.createDirectories(path.getParent());
            Files.write(path, file.bytes());
        }
        Files.writeString(root.resolve(MAPPING_FILE), JsonText.pretty(mapping()), StandardCharsets.UTF_8);
        return manifest(files);
    }

    private List<ExportFile> files()
    {
        List<ExportFile> files = new ArrayList<>();
        FieldExportFormats.KoboHeaders namesWithGroups = FieldExportFormats.KoboHeaders.names(true);

        List<FieldSubmission> cooperatives = records.cooperativeSubmissions();
        files.add(new ExportFile(FOLDER + "/kobo/jijukirwa_cooperatives.xlsx", "KoboToolbox", "XLSX, XML names with group prefixes",
                XlsForms.COOPERATIVES, cooperatives, FieldExportFormats.koboXlsx(XlsForms.COOPERATIVES, cooperatives, namesWithGroups),
                List.of(XlsForms.COOPERATIVES.title().en())));

        List<FieldSubmission> membersLabels = records.memberSubmissions(0);
        files.add(new ExportFile(FOLDER + "/kobo/jijukirwa_members-labels-rw.csv", "KoboToolbox",
                "CSV (; all quoted, CRLF), Kinyarwanda labels without group prefixes, HXL hashtag row under the header", XlsForms.MEMBERS,
                membersLabels, FieldExportFormats.koboCsv(XlsForms.MEMBERS, membersLabels, FieldExportFormats.KoboHeaders.labels(XlsForms.KINYARWANDA, false), true),
                List.of()));

        List<FieldSubmission> membersDataframe = records.memberSubmissions(1);
        files.add(new ExportFile(FOLDER + "/kobo/jijukirwa_members-dataframe.xlsx", "KoboToolbox",
                "XLSX with XML names and group prefixes, saved again through a dataframe library (unnamed index column, 1990.0, date-time cells)",
                XlsForms.MEMBERS, membersDataframe, FieldExportFormats.koboXlsxThroughDataframe(XlsForms.MEMBERS, membersDataframe), List.of("Sheet1")));

        List<FieldSubmission> trainingsKobo = records.sessions("K", List.of(NONE, APPROVED, REJECTED, APPROVED, ON_HOLD, NONE), -1);
        files.add(new ExportFile(FOLDER + "/kobo/jijukirwa_trainings.xlsx", "KoboToolbox",
                "XLSX, XML names without group prefixes, the attendee repeat in its own sheet (_index, _parent_table_name, _parent_index)",
                XlsForms.TRAININGS, trainingsKobo, FieldExportFormats.koboXlsx(XlsForms.TRAININGS, trainingsKobo, FieldExportFormats.KoboHeaders.names(false)),
                List.of(XlsForms.TRAININGS.title().en(), "attendee")));

        List<FieldSubmission> coachingKobo = records.visits("K", 12, List.of(NONE, APPROVED, ON_HOLD, NONE, REJECTED), 1);
        files.add(new ExportFile(FOLDER + "/kobo/jijukirwa_coaching-labels-fr.csv", "KoboToolbox",
                "CSV (; all quoted, CRLF), French labels with the groups' labels (Visite d'accompagnement/Coach), select_multiple topics as "
                        + "labels joined by spaces plus one 1/0 column per option", XlsForms.COACHING, coachingKobo,
                FieldExportFormats.koboCsv(XlsForms.COACHING, coachingKobo, FieldExportFormats.KoboHeaders.labels(XlsForms.FRENCH, true), false), List.of()));

        List<FieldSubmission> trainingsLegacy = records.sessions("L", List.of(NONE, APPROVED), 2);
        files.add(new ExportFile(FOLDER + "/kobo-legacy/jijukirwa_trainings.csv", "KoBoCAT (legacy export)",
                "CSV (, minimal quoting, LF), n/a for blanks, the repeat flattened as attendee[1]/cooperative_id...", XlsForms.TRAININGS, trainingsLegacy,
                FieldExportFormats.kobocatCsv(XlsForms.TRAININGS, trainingsLegacy), List.of()));

        List<FieldSubmission> coachingLegacy = records.visits("L", 12, List.of(NONE, APPROVED, NONE, NONE, NONE, REJECTED), -1);
        files.add(new ExportFile(FOLDER + "/kobo-legacy/jijukirwa_coaching.csv", "KoBoCAT (legacy export)",
                "CSV (, minimal quoting, LF), n/a for blanks, select_multiple topics with one True/False column per option", XlsForms.COACHING,
                coachingLegacy, FieldExportFormats.kobocatCsv(XlsForms.COACHING, coachingLegacy), List.of()));

        Map<String, Integer> submitterIds = new LinkedHashMap<>();
        List<FieldSubmission> coachingOdk = records.visits("O", 24, List.of(APPROVED, NONE, ON_HOLD, APPROVED, EDITED, REJECTED, NONE, APPROVED), 3);
        Map<String, byte[]> coachingEntries = FieldExportFormats.odkCentralCsvs(XlsForms.COACHING, coachingOdk, submitterIds);
        files.add(new ExportFile(FOLDER + "/odk/jijukirwa_coaching.zip", "ODK Central",
                "CSV zip: SubmissionDate (UTC, Z), group paths joined by -, meta-instanceID, KEY, ReviewState", XlsForms.COACHING, coachingOdk,
                FieldExportFormats.zip(coachingEntries), List.copyOf(coachingEntries.keySet())));

        List<FieldSubmission> trainingsOdk = records.sessions("O", List.of(APPROVED, REJECTED, ON_HOLD, EDITED, NONE, APPROVED), 4);
        Map<String, byte[]> trainingEntries = FieldExportFormats.odkCentralCsvs(XlsForms.TRAININGS, trainingsOdk, submitterIds);
        files.add(new ExportFile(FOLDER + "/odk/jijukirwa_trainings.zip", "ODK Central",
                "CSV zip: the sessions' CSV and the attendee repeat's CSV joined by PARENT_KEY = the session's KEY", XlsForms.TRAININGS, trainingsOdk,
                FieldExportFormats.zip(trainingEntries), List.copyOf(trainingEntries.keySet())));
        return files;
    }

    // ---- expectations ----

    /** One contract record of a submission (a training submission has one per attendee) and the reason it is quarantined, or null. */
    private record Outcome(String key, String reason)
    {
    }

    private static List<Outcome> outcomes(ExportFile file, FieldSubmission submission, Set<String> acceptedCooperatives)
    {
        List<Map<String, String>> records = file.form().dataset() == Dataset.TRAININGS ? submission.repeat() : List.of(submission.answers());
        List<Outcome> outcomes = new ArrayList<>();
        for (Map<String, String> record : records) {
            String key = switch (file.form().dataset()) {
                case COOPERATIVES -> record.get("cooperative_id");
                case MEMBERS -> record.get("member_id");
                case TRAININGS -> submission.answer("session_id") + "|" + record.get("cooperative_id") + "|" + record.getOrDefault("member_id", "");
                case COACHING -> record.get("visit_id");
            };
            List<String> reasons = new ArrayList<>();
            if (submission.review() == REJECTED) {
                reasons.add(FieldSubmission.Review.REJECTED_REASON);
            }
            if (file.form().dataset() != Dataset.COOPERATIVES && !acceptedCooperatives.contains(record.get("cooperative_id"))) {
                reasons.add("unknown_cooperative");
            }
            if (reasons.size() > 1) {
                throw new IllegalStateException(file.path() + ": a bad record should have one reason, " + key + " has " + reasons);
            }
            outcomes.add(new Outcome(key, reasons.isEmpty() ? null : reasons.get(0)));
        }
        return outcomes;
    }

    private Map<String, Object> manifest(List<ExportFile> files)
            throws IOException
    {
        Set<String> acceptedCooperatives = new HashSet<>();
        for (FieldSubmission submission : records.cooperativeSubmissions()) {
            if (submission.review() != REJECTED) {
                acceptedCooperatives.add(submission.answer("cooperative_id"));
            }
        }
        Map<Dataset, Map<String, Object>> datasets = new LinkedHashMap<>();
        Map<Dataset, Set<String>> currentKeys = new LinkedHashMap<>();
        Map<String, Object> fileEntries = new LinkedHashMap<>();
        for (ExportFile file : files) {
            long rows = 0;
            long superseding = 0;
            Map<String, Long> byReason = new TreeMap<>();
            Map<String, Long> reviews = new TreeMap<>();
            Set<String> keys = currentKeys.computeIfAbsent(file.form().dataset(), dataset -> new HashSet<>());
            for (FieldSubmission submission : file.submissions()) {
                reviews.merge(submission.review().manifestName(), 1L, Long::sum);
                for (Outcome outcome : outcomes(file, submission, acceptedCooperatives)) {
                    rows++;
                    if (outcome.reason() != null) {
                        byReason.merge(outcome.reason(), 1L, Long::sum);
                    }
                    else if (!keys.add(outcome.key())) {
                        superseding++;
                    }
                }
            }
            long bad = byReason.values().stream().mapToLong(Long::longValue).sum();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dataset", file.form().dataset().folder());
            entry.put("tool", file.tool());
            entry.put("format", file.flavour());
            entry.put("form", "forms/" + file.form().fileName());
            if (!file.parts().isEmpty()) {
                entry.put(file.path().endsWith(".zip") ? "entries" : "sheets", file.parts());
                // The repeat's table when the form has one (its entries are the records), else the main one.
                entry.put("rows_table", file.parts().get(file.parts().size() - 1));
            }
            entry.put("bytes", Files.size(root.resolve(file.path())));
            entry.put("submissions", (long) file.submissions().size());
            entry.put("review_states", reviews);
            entry.put("rows", rows);
            entry.put("valid_rows", rows - bad);
            entry.put("bad_rows", bad);
            entry.put("bad_rows_by_reason", byReason);
            entry.put("superseding_rows", superseding);
            fileEntries.put(file.path(), entry);

            Map<String, Object> totals = datasets.computeIfAbsent(file.form().dataset(), dataset -> new LinkedHashMap<>(Map.of(
                    "rows", 0L, "valid_rows", 0L, "bad_rows", 0L, "bad_rows_by_reason", new TreeMap<String, Long>(), "superseding_rows", 0L)));
            totals.merge("rows", rows, (a, b) -> (Long) a + (Long) b);
            totals.merge("valid_rows", rows - bad, (a, b) -> (Long) a + (Long) b);
            totals.merge("bad_rows", bad, (a, b) -> (Long) a + (Long) b);
            totals.merge("superseding_rows", superseding, (a, b) -> (Long) a + (Long) b);
            @SuppressWarnings("unchecked")
            Map<String, Long> totalReasons = (Map<String, Long>) totals.get("bad_rows_by_reason");
            byReason.forEach((reason, count) -> totalReasons.merge(reason, count, Long::sum));
        }
        Map<String, Object> datasetEntries = new LinkedHashMap<>();
        for (Map.Entry<Dataset, Map<String, Object>> dataset : datasets.entrySet()) {
            Map<String, Object> totals = dataset.getValue();
            Map<String, Object> ordered = new LinkedHashMap<>();
            for (String name : List.of("rows", "valid_rows", "bad_rows", "bad_rows_by_reason", "superseding_rows")) {
                ordered.put(name, totals.get(name));
            }
            ordered.put("current_keys", (long) currentKeys.get(dataset.getKey()).size());
            datasetEntries.put(dataset.getKey().folder(), ordered);
        }

        Map<String, Object> section = new LinkedHashMap<>();
        section.put("folder", FOLDER);
        section.put("mapping", MAPPING_FILE);
        section.put("forms", "forms/");
        section.put("note", "exports of the programme's forms (forms/*.xlsx) as KoboToolbox, KoBoCAT and ODK Central write them; they hold "
                + "cooperatives of their own (COOP-XXX-F001...) with their members, attendances and visits, so the datasets' figures above "
                + "gain exactly these counts when both are ingested. rows are contract records: one per submission, one per attendee of a "
                + "training submission. rejected_in_review: a submission its reviewer rejected (Kobo _validation_status not approved, "
                + "ODK ReviewState rejected); other review states (approved, on hold / hasIssues, edited, none) are accepted. The version "
                + "of a record (updated_at) is the server's receipt time: Kobo _submission_time (UTC, no offset), ODK SubmissionDate. "
                + "No name here announces a record set: an ingest that tells datasets from names only ignores these files; one that "
                + "reads field exports takes them through their forms, and the mapping file names each one's dataset");
        section.put("datasets", datasetEntries);
        section.put("files", fileEntries);
        return section;
    }

    /** For the ingest's --mapping: which dataset each export is and which metadata column versions its records. */
    private static Map<String, Object> mapping()
    {
        List<Object> rules = new ArrayList<>();
        for (XlsForms.XlsForm form : XlsForms.ALL) {
            String name = form.formId();
            rules.add(rule(FOLDER + "/kobo*/" + name + "*", form.dataset(), "_submission_time"));
            rules.add(rule(FOLDER + "/odk/" + name + "*", form.dataset(), "SubmissionDate"));
        }
        Map<String, Object> mapping = new LinkedHashMap<>();
        mapping.put("files", rules);
        return mapping;
    }

    private static Map<String, Object> rule(String path, Dataset dataset, String versionColumn)
    {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("path", path);
        rule.put("dataset", dataset.folder());
        rule.put("columns", Map.of(versionColumn, "updated_at"));
        return rule;
    }

    // Replace what an earlier run wrote; refuse to delete anything else.
    private static void prepare(Path folder)
    {
        try {
            if (!Files.isDirectory(folder)) {
                return;
            }
            List<Path> existing;
            try (Stream<Path> paths = Files.walk(folder)) {
                existing = paths.filter(path -> !path.equals(folder)).sorted(java.util.Comparator.reverseOrder()).toList();
            }
            for (Path path : existing) {
                String relative = folder.relativize(path).toString().replace('\\', '/');
                if (!GENERATED.matcher(relative).matches()) {
                    throw new IllegalStateException(folder + " holds a file the generator did not write: " + relative);
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
}
