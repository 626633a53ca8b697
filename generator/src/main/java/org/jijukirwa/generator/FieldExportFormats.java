package org.jijukirwa.generator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static java.util.Objects.requireNonNull;

/**
 * Renders submissions of one XLSForm the way each tool's download button
 * writes them, after the tools' own exporters:
 * <ul>
 * <li>KoboToolbox (kpi, formpack): XLSX (xlsxwriter, every value a text cell)
 * and CSV ({@code ;}, every field quoted, CRLF); headers are XML names with or
 * without the group path ({@code grp_coop/district}) or the labels of one
 * language; a select_multiple gives its summary column and one 1/0 column
 * per option; an optional HXL hashtag row under the header; {@code _id},
 * {@code _uuid}, {@code _submission_time} (UTC, no offset),
 * {@code _validation_status} and the other metadata after the questions; a
 * repeat in a sheet of its own with {@code _index}, {@code _parent_table_name},
 * {@code _parent_index} and the parent's {@code _submission__*} fields.</li>
 * <li>A Kobo XLSX opened and saved again through a dataframe library: the
 * index as an unnamed first column, whole numbers of a column with blanks as
 * floats ({@code 1990.0}), dates and date-times as date-time cells.</li>
 * <li>The legacy KoBoCAT CSV: {@code ,}, minimal quoting, {@code n/a} for
 * every blank, select_multiple options as True/False columns, the repeat
 * flattened into {@code attendee[1]/cooperative_id}... columns.</li>
 * <li>ODK Central's CSV zip (central-backend's briefcase format):
 * {@code SubmissionDate} first (UTC with Z), group paths joined by {@code -},
 * {@code meta-instanceID}, {@code KEY}, submitter, {@code ReviewState},
 * {@code Edits}, {@code FormVersion}; the repeat in
 * {@code <formId>-<repeat>.csv} with {@code PARENT_KEY} and {@code KEY}.</li>
 * </ul>
 */
final class FieldExportFormats
{
    static final String KOBO_VERSION = "vJjkB7fQ2xR4mN8sT3wY6pZ";
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter MILLISECONDS_WITH_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT);
    private static final LocalDateTime ZIP_ENTRY_TIME = LocalDateTime.of(2020, 12, 31, 0, 0);
    private static final List<String> KOBO_METADATA = List.of("_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status",
            "_submitted_by", "__version__", "_tags");

    private FieldExportFormats()
    {
    }

    /** A question of the form with the groups it sits in (a repeat counts as a group) and whether it is inside the repeat. */
    record Column(XlsForms.Question question, List<String> groups, boolean inRepeat)
    {
        String name()
        {
            return question.name();
        }

        String path(String separator, boolean withGroups)
        {
            if (!withGroups || groups.isEmpty()) {
                return question.name();
            }
            return String.join(separator, groups) + separator + question.name();
        }
    }

    static List<Column> columns(XlsForms.XlsForm form)
    {
        List<Column> columns = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        boolean inRepeat = false;
        for (XlsForms.Question question : form.survey()) {
            switch (question.type()) {
                case "begin_group" -> groups.add(question.name());
                case "begin_repeat" -> {
                    groups.add(question.name());
                    inRepeat = true;
                }
                case "end_group" -> groups.remove(groups.size() - 1);
                case "end_repeat" -> {
                    groups.remove(groups.size() - 1);
                    inRepeat = false;
                }
                default -> columns.add(new Column(question, List.copyOf(groups), inRepeat));
            }
        }
        return columns;
    }

    static String repeatName(XlsForms.XlsForm form)
    {
        return form.survey().stream().filter(question -> question.type().equals("begin_repeat")).map(XlsForms.Question::name).findFirst().orElse(null);
    }

    // ---- KoboToolbox ----

    /**
     * How a Kobo export names its columns: XML names or the labels of one language, with or without the
     * groups' path (kpi's "include groups in headers"; with labels, formpack's hierarchy_in_labels).
     */
    record KoboHeaders(boolean withGroups, String labelLanguage)
    {
        static KoboHeaders names(boolean withGroups)
        {
            return new KoboHeaders(withGroups, null);
        }

        static KoboHeaders labels(String language, boolean withGroups)
        {
            return new KoboHeaders(withGroups, requireNonNull(language, "language is null"));
        }
    }

    /** One Kobo table (the main one or the repeat's): header, optional HXL row, rows of text. */
    record Table(String name, List<String> header, List<String> hashtags, List<List<String>> rows)
    {
    }

    /** The main table and, when the form has a repeat, the repeat's table, as formpack builds them. */
    static List<Table> koboTables(XlsForms.XlsForm form, List<FieldSubmission> submissions, KoboHeaders headers)
    {
        List<Column> columns = columns(form);
        String mainName = form.title().en();
        List<String> header = new ArrayList<>();
        List<String> hashtags = new ArrayList<>();
        for (Column column : columns) {
            if (column.inRepeat()) {
                continue;
            }
            header.add(koboHeader(form, column, headers));
            hashtags.add(column.question().hxl() == null ? "" : column.question().hxl());
            for (XlsForms.Choice option : multipleOptions(form, column)) {
                header.add(koboHeader(form, column, headers) + "/" + (headers.labelLanguage() == null ? option.name() : option.label().in(headers.labelLanguage())));
                hashtags.add("");
            }
        }
        header.addAll(KOBO_METADATA);
        header.add("_index");
        KOBO_METADATA.forEach(name -> hashtags.add(""));
        hashtags.add("");

        String repeat = repeatName(form);
        List<String> repeatHeader = new ArrayList<>();
        if (repeat != null) {
            for (Column column : columns) {
                if (column.inRepeat()) {
                    repeatHeader.add(koboHeader(form, column, headers));
                }
            }
            repeatHeader.addAll(List.of("_index", "_parent_table_name", "_parent_index"));
            KOBO_METADATA.forEach(name -> repeatHeader.add("_submission_" + name));
        }

        List<List<String>> rows = new ArrayList<>();
        List<List<String>> repeatRows = new ArrayList<>();
        int index = 0;
        for (FieldSubmission submission : submissions) {
            index++;
            List<String> row = new ArrayList<>();
            for (Column column : columns) {
                if (column.inRepeat()) {
                    continue;
                }
                String value = value(submission, column);
                row.add(headers.labelLanguage() == null ? blankIfNull(value) : label(form, column, value, headers.labelLanguage()));
                for (XlsForms.Choice option : multipleOptions(form, column)) {
                    row.add(value == null ? "" : List.of(value.split(" ")).contains(option.name()) ? "1" : "0");
                }
            }
            List<String> metadata = koboMetadata(submission, headers.labelLanguage() != null);
            row.addAll(metadata);
            row.add(Integer.toString(index));
            rows.add(row);
            for (Map<String, String> entry : submission.repeat()) {
                List<String> repeatRow = new ArrayList<>();
                for (Column column : columns) {
                    if (column.inRepeat()) {
                        String value = entry.get(column.name());
                        repeatRow.add(headers.labelLanguage() == null ? blankIfNull(value) : label(form, column, value, headers.labelLanguage()));
                    }
                }
                repeatRow.add(Integer.toString(repeatRows.size() + 1));
                repeatRow.add(mainName);
                repeatRow.add(Integer.toString(index));
                repeatRow.addAll(metadata);
                repeatRows.add(repeatRow);
            }
        }
        List<Table> tables = new ArrayList<>();
        tables.add(new Table(mainName, header, hashtags, rows));
        if (repeat != null) {
            tables.add(new Table(repeat, repeatHeader, null, repeatRows));
        }
        return tables;
    }

    /** Kobo's XLSX: one sheet per table, every value a text cell, blanks as empty cells. */
    static byte[] koboXlsx(XlsForms.XlsForm form, List<FieldSubmission> submissions, KoboHeaders headers)
    {
        XlsxWorkbook workbook = new XlsxWorkbook();
        for (Table table : koboTables(form, submissions, headers)) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(table.header());
            rows.addAll(table.rows());
            workbook.sheet(table.name(), XlsxWorkbook.textRows(rows));
        }
        return workbook.bytes();
    }

    /** Kobo's CSV (the main table only, as kpi writes it): {@code ;}, all quoted, CRLF; the HXL row under the header when asked. */
    static byte[] koboCsv(XlsForms.XlsForm form, List<FieldSubmission> submissions, KoboHeaders headers, boolean hashtagRow)
    {
        Table table = koboTables(form, submissions, headers).get(0);
        StringBuilder text = new StringBuilder();
        quotedLine(text, table.header());
        if (hashtagRow) {
            quotedLine(text, table.hashtags());
        }
        table.rows().forEach(row -> quotedLine(text, row));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void quotedLine(StringBuilder text, List<String> values)
    {
        for (int index = 0; index < values.size(); index++) {
            text.append(index == 0 ? "\"" : ";\"").append(values.get(index).replace("\"", "\"\"")).append('"');
        }
        text.append("\r\n");
    }

    /**
     * A Kobo XLSX (names with groups) read into a dataframe and saved again: the index first under an empty
     * header, integer questions and counters of columns with blanks as floats, the listed date columns and the
     * submission time as date-time cells, blanks as empty cells.
     */
    static byte[] koboXlsxThroughDataframe(XlsForms.XlsForm form, List<FieldSubmission> submissions)
    {
        Table table = koboTables(form, submissions, KoboHeaders.names(true)).get(0);
        List<Column> columns = columns(form).stream().filter(column -> !column.inRepeat()).toList();
        List<String> kinds = new ArrayList<>();
        for (Column column : columns) {
            String type = column.question().type();
            kinds.add(type.equals("integer") ? "float" : type.equals("date") ? "date" : "text");
            multipleOptions(form, column).forEach(option -> kinds.add("text"));
        }
        for (String name : KOBO_METADATA) {
            kinds.add(name.equals("_id") ? "integer" : name.equals("_submission_time") ? "datetime" : "text");
        }
        kinds.add("integer");
        List<List<XlsxWorkbook.Cell>> rows = new ArrayList<>();
        List<XlsxWorkbook.Cell> header = new ArrayList<>();
        header.add(null);
        table.header().forEach(name -> header.add(new XlsxWorkbook.Text(name)));
        rows.add(header);
        for (int rowIndex = 0; rowIndex < table.rows().size(); rowIndex++) {
            List<String> values = table.rows().get(rowIndex);
            List<XlsxWorkbook.Cell> row = new ArrayList<>();
            row.add(new XlsxWorkbook.Number(Integer.toString(rowIndex)));
            for (int column = 0; column < values.size(); column++) {
                String value = values.get(column);
                if (value.isEmpty()) {
                    row.add(null);
                    continue;
                }
                row.add(switch (kinds.get(column)) {
                    case "float" -> new XlsxWorkbook.Number(value + ".0");
                    case "integer" -> new XlsxWorkbook.Number(value);
                    case "date" -> new XlsxWorkbook.DateTime(LocalDate.parse(value).atStartOfDay());
                    case "datetime" -> new XlsxWorkbook.DateTime(LocalDateTime.parse(value));
                    default -> new XlsxWorkbook.Text(value);
                });
            }
            rows.add(row);
        }
        return new XlsxWorkbook().sheet("Sheet1", rows).bytes();
    }

    private static String koboHeader(XlsForms.XlsForm form, Column column, KoboHeaders headers)
    {
        if (headers.labelLanguage() == null || column.question().label() == null) {
            return column.path("/", headers.withGroups());
        }
        String label = column.question().label().in(headers.labelLanguage());
        if (!headers.withGroups()) {
            return label;
        }
        List<String> path = new ArrayList<>();
        column.groups().forEach(group -> path.add(form.field(group).label().in(headers.labelLanguage())));
        path.add(label);
        return String.join("/", path);
    }

    private static List<String> koboMetadata(FieldSubmission submission, boolean labels)
    {
        return List.of(
                Long.toString(submission.serverId()),
                submission.instanceId().substring("uuid:".length()),
                SECONDS.format(submission.receivedAt().atOffset(ZoneOffset.UTC)),
                labels ? submission.review().koboLabel() : submission.review().koboUid(),
                "",
                "submitted_via_web",
                submission.submitter(),
                KOBO_VERSION,
                "");
    }

    // ---- the legacy KoBoCAT CSV ----

    static byte[] kobocatCsv(XlsForms.XlsForm form, List<FieldSubmission> submissions)
    {
        List<Column> columns = columns(form);
        String repeat = repeatName(form);
        int repeats = submissions.stream().mapToInt(submission -> submission.repeat().size()).max().orElse(0);
        List<String> header = new ArrayList<>();
        for (Column column : columns) {
            if (column.inRepeat()) {
                continue;
            }
            header.add(column.path("/", true));
            for (XlsForms.Choice option : multipleOptions(form, column)) {
                header.add(column.path("/", true) + "/" + option.name());
            }
        }
        for (int entry = 1; entry <= repeats; entry++) {
            for (Column column : columns) {
                if (column.inRepeat()) {
                    header.add(repeat + "[" + entry + "]/" + column.name());
                }
            }
        }
        header.addAll(List.of("meta/instanceID", "_id", "_uuid", "_submission_time", "_validation_status", "_tags", "_notes", "_version",
                "_submitted_by"));

        StringBuilder text = new StringBuilder();
        minimalLine(text, header, ',', "\n");
        for (FieldSubmission submission : submissions) {
            List<String> row = new ArrayList<>();
            for (Column column : columns) {
                if (column.inRepeat()) {
                    continue;
                }
                String value = value(submission, column);
                row.add(value);
                for (XlsForms.Choice option : multipleOptions(form, column)) {
                    row.add(value == null ? null : List.of(value.split(" ")).contains(option.name()) ? "True" : "False");
                }
            }
            for (int entry = 0; entry < repeats; entry++) {
                for (Column column : columns) {
                    if (column.inRepeat()) {
                        row.add(entry < submission.repeat().size() ? submission.repeat().get(entry).get(column.name()) : null);
                    }
                }
            }
            row.addAll(java.util.Arrays.asList(submission.instanceId(), Long.toString(submission.serverId()),
                    submission.instanceId().substring("uuid:".length()), SECONDS.format(submission.receivedAt().atOffset(ZoneOffset.UTC)),
                    submission.review().koboUid(), null, null, KOBO_VERSION, submission.submitter()));
            List<String> written = new ArrayList<>(row.size());
            row.forEach(value -> written.add(value == null || value.isEmpty() ? "n/a" : value));
            minimalLine(text, written, ',', "\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ---- ODK Central ----

    static final List<String> ODK_TRAILER = List.of("meta-instanceID", "KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent",
            "AttachmentsExpected", "Status", "ReviewState", "DeviceID", "Edits", "FormVersion");

    /** The zip's entries in order: {@code <formId>.csv}, then {@code <formId>-<repeat>.csv} when the form has a repeat. */
    static Map<String, byte[]> odkCentralCsvs(XlsForms.XlsForm form, List<FieldSubmission> submissions, Map<String, Integer> submitterIds)
    {
        List<Column> columns = columns(form);
        String repeat = repeatName(form);
        List<String> header = new ArrayList<>();
        header.add("SubmissionDate");
        for (Column column : columns) {
            if (!column.inRepeat()) {
                header.add(column.path("-", true));
            }
        }
        header.addAll(ODK_TRAILER);
        StringBuilder main = new StringBuilder();
        minimalLine(main, header, ',', "\n");
        StringBuilder repeatCsv = new StringBuilder();
        if (repeat != null) {
            List<String> repeatHeader = new ArrayList<>();
            for (Column column : columns) {
                if (column.inRepeat()) {
                    repeatHeader.add(column.name());
                }
            }
            repeatHeader.addAll(List.of("PARENT_KEY", "KEY"));
            minimalLine(repeatCsv, repeatHeader, ',', "\n");
        }
        for (FieldSubmission submission : submissions) {
            List<String> row = new ArrayList<>();
            row.add(odkTime(submission.receivedAt()));
            for (Column column : columns) {
                if (!column.inRepeat()) {
                    row.add(blankIfNull(value(submission, column)));
                }
            }
            int submitter = submitterIds.computeIfAbsent(submission.submitter(), name -> 10 + submitterIds.size());
            boolean edited = submission.review() == FieldSubmission.Review.EDITED;
            row.addAll(List.of(submission.instanceId(), submission.instanceId(), Integer.toString(submitter), submission.submitter(), "0", "0", "",
                    submission.review().odkReviewState(), "collect:" + Integer.toHexString(submission.submitter().hashCode()).toUpperCase(Locale.ROOT),
                    edited ? "1" : "0", XlsForms.VERSION));
            minimalLine(main, row, ',', "\n");
            for (int entry = 0; entry < submission.repeat().size(); entry++) {
                List<String> repeatRow = new ArrayList<>();
                for (Column column : columns) {
                    if (column.inRepeat()) {
                        repeatRow.add(blankIfNull(submission.repeat().get(entry).get(column.name())));
                    }
                }
                repeatRow.add(submission.instanceId());
                repeatRow.add(submission.instanceId() + "/" + repeat + "[" + (entry + 1) + "]");
                minimalLine(repeatCsv, repeatRow, ',', "\n");
            }
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(form.formId() + ".csv", main.toString().getBytes(StandardCharsets.UTF_8));
        if (repeat != null) {
            entries.put(form.formId() + "-" + repeat + ".csv", repeatCsv.toString().getBytes(StandardCharsets.UTF_8));
        }
        return entries;
    }

    static byte[] zip(Map<String, byte[]> entries)
    {
        java.io.ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buffer, StandardCharsets.UTF_8)) {
            zip.setLevel(6);
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setTimeLocal(ZIP_ENTRY_TIME);
                zip.putNextEntry(zipEntry);
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    /** ODK Central writes the server's receipt time in UTC with milliseconds and Z; start and end keep the phone's offset. */
    static String odkTime(Instant instant)
    {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)).replaceFirst("(\\d{2}:\\d{2}:\\d{2})Z$", "$1.000Z");
    }

    // ---- values ----

    private static String value(FieldSubmission submission, Column column)
    {
        return switch (column.question().type()) {
            case "start" -> MILLISECONDS_WITH_OFFSET.format(submission.started());
            case "end" -> MILLISECONDS_WITH_OFFSET.format(submission.ended());
            default -> submission.answer(column.name());
        };
    }

    private static String label(XlsForms.XlsForm form, Column column, String value, String language)
    {
        if (value == null) {
            return "";
        }
        String list = column.question().listName();
        if (list == null) {
            return value;
        }
        List<String> labels = new ArrayList<>();
        for (String name : value.split(" ")) {
            labels.add(form.choice(list, name).label().in(language));
        }
        return String.join(" ", labels);
    }

    private static List<XlsForms.Choice> multipleOptions(XlsForms.XlsForm form, Column column)
    {
        return column.question().isSelectMultiple() ? form.choices(column.question().listName()) : List.of();
    }

    private static String blankIfNull(String value)
    {
        return value == null ? "" : value;
    }

    /** RFC 4180 with quotes only where needed (separator, quote, line break), as csv-stringify and pandas write. */
    private static void minimalLine(StringBuilder text, List<String> values, char separator, String lineEnd)
    {
        for (int index = 0; index < values.size(); index++) {
            if (index > 0) {
                text.append(separator);
            }
            String value = values.get(index) == null ? "" : values.get(index);
            if (value.indexOf(separator) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                text.append('"').append(value.replace("\"", "\"\"")).append('"');
            }
            else {
                text.append(value);
            }
        }
        text.append(lineEnd);
    }
}
