package org.jijukirwa.generator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * A minimal SpreadsheetML (.xlsx) writer: sheets of text, number and
 * date-time cells, inline strings, one date-time style. Every zip entry has
 * the same fixed time, so the same content gives the same bytes (a general
 * library stamps the current time into the package). Enough for XLSForms
 * and for the exports of KoboToolbox (xlsxwriter, text cells) and of a
 * dataframe library (numbers as floats, dates as date-time cells).
 */
final class XlsxWorkbook
{
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2020, 12, 31, 0, 0);
    private static final LocalDateTime EXCEL_EPOCH = LocalDateTime.of(1899, 12, 30, 0, 0);

    /** One cell: text, a number (written as given, e.g. {@code 1990.0}) or a date-time (an Excel serial with a date style). */
    sealed interface Cell permits Text, Number, DateTime
    {
    }

    record Text(String value) implements Cell
    {
        Text
        {
            requireNonNull(value, "value is null");
        }
    }

    record Number(String literal) implements Cell
    {
        Number
        {
            requireNonNull(literal, "literal is null");
            Double.parseDouble(literal);
        }
    }

    record DateTime(LocalDateTime value) implements Cell
    {
        DateTime
        {
            requireNonNull(value, "value is null");
        }
    }

    private record Sheet(String name, List<List<Cell>> rows)
    {
    }

    private final List<Sheet> sheets = new ArrayList<>();

    /** Adds a sheet; rows may have nulls (empty cells). Sheet names follow Excel's limit of 31 characters. */
    XlsxWorkbook sheet(String name, List<List<Cell>> rows)
    {
        if (name.isEmpty() || name.length() > 31) {
            throw new IllegalArgumentException("a sheet name has 1 to 31 characters: " + name);
        }
        sheets.add(new Sheet(name, List.copyOf(rows)));
        return this;
    }

    /** Rows of text cells: null and empty strings are empty cells. */
    static List<List<Cell>> textRows(List<List<String>> rows)
    {
        List<List<Cell>> cells = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            List<Cell> line = new ArrayList<>(row.size());
            for (String value : row) {
                line.add(value == null || value.isEmpty() ? null : new Text(value));
            }
            cells.add(line);
        }
        return cells;
    }

    void write(Path file)
    {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(bytes());
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    byte[] bytes()
    {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(buffer, StandardCharsets.UTF_8)) {
            zip.setLevel(6);
            entry(zip, "[Content_Types].xml", contentTypes());
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                    </Relationships>""");
            entry(zip, "xl/workbook.xml", workbook());
            entry(zip, "xl/_rels/workbook.xml.rels", workbookRelationships());
            entry(zip, "xl/styles.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                    <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd\\ hh:mm:ss"/></numFmts>\
                    <fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>\
                    <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
                    <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
                    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
                    <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
                    <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
                    <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
                    </styleSheet>""");
            for (int index = 0; index < sheets.size(); index++) {
                entry(zip, "xl/worksheets/sheet" + (index + 1) + ".xml", worksheet(sheets.get(index)));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    private static void entry(java.util.zip.ZipOutputStream zip, String name, String text)
            throws IOException
    {
        java.util.zip.ZipEntry entry = new java.util.zip.ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(entry);
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private String contentTypes()
    {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""");
        for (int index = 1; index <= sheets.size(); index++) {
            xml.append("<Override PartName=\"/xl/worksheets/sheet").append(index)
                    .append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }
        return xml.append("</Types>").toString();
    }

    private String workbook()
    {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>""");
        for (int index = 1; index <= sheets.size(); index++) {
            xml.append("<sheet name=\"");
            escape(xml, sheets.get(index - 1).name());
            xml.append("\" sheetId=\"").append(index).append("\" r:id=\"rId").append(index).append("\"/>");
        }
        return xml.append("</sheets></workbook>").toString();
    }

    private String workbookRelationships()
    {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
        for (int index = 1; index <= sheets.size(); index++) {
            xml.append("<Relationship Id=\"rId").append(index)
                    .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet")
                    .append(index).append(".xml\"/>");
        }
        int styles = sheets.size() + 1;
        xml.append("<Relationship Id=\"rId").append(styles)
                .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>");
        return xml.append("</Relationships>").toString();
    }

    private static String worksheet(Sheet sheet)
    {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        for (int rowIndex = 0; rowIndex < sheet.rows().size(); rowIndex++) {
            List<Cell> row = sheet.rows().get(rowIndex);
            xml.append("<row r=\"").append(rowIndex + 1).append("\">");
            for (int column = 0; column < row.size(); column++) {
                Cell cell = row.get(column);
                if (cell == null) {
                    continue;
                }
                String reference = columnName(column) + (rowIndex + 1);
                if (cell instanceof Text text) {
                    xml.append("<c r=\"").append(reference).append("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
                    escape(xml, text.value());
                    xml.append("</t></is></c>");
                }
                else if (cell instanceof Number number) {
                    xml.append("<c r=\"").append(reference).append("\"><v>").append(number.literal()).append("</v></c>");
                }
                else if (cell instanceof DateTime dateTime) {
                    xml.append("<c r=\"").append(reference).append("\" s=\"1\"><v>").append(excelSerial(dateTime.value())).append("</v></c>");
                }
            }
            xml.append("</row>");
        }
        return xml.append("</sheetData></worksheet>").toString();
    }

    /** Days since 1899-12-30 with the time of day as the fraction, as Excel stores date-times. */
    static String excelSerial(LocalDateTime value)
    {
        long seconds = ChronoUnit.SECONDS.between(EXCEL_EPOCH, value);
        long days = Math.floorDiv(seconds, 86_400);
        long secondOfDay = Math.floorMod(seconds, 86_400);
        if (secondOfDay == 0) {
            return Long.toString(days);
        }
        return days + new java.math.BigDecimal(secondOfDay).divide(java.math.BigDecimal.valueOf(86_400), 10, java.math.RoundingMode.HALF_EVEN)
                .stripTrailingZeros().toPlainString().substring(1);
    }

    /** A, B, ..., Z, AA, AB... */
    static String columnName(int index)
    {
        StringBuilder name = new StringBuilder();
        for (int rest = index + 1; rest > 0; rest = (rest - 1) / 26) {
            name.insert(0, (char) ('A' + (rest - 1) % 26));
        }
        return name.toString().toUpperCase(Locale.ROOT);
    }

    private static void escape(StringBuilder xml, String text)
    {
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            switch (character) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '"' -> xml.append("&quot;");
                case '\r' -> xml.append("&#13;");
                default -> {
                    if (character < 0x20 && character != '\n' && character != '\t') {
                        throw new IllegalArgumentException("a control character cannot be written to a sheet: " + (int) character);
                    }
                    xml.append(character);
                }
            }
        }
    }
}
