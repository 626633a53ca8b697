package org.jijukirwa.ingest;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.SAXException;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Streams the sheets of an XLSX workbook row by row (POI's {@link XSSFReader} for the parts, a StAX pull
 * parser over each sheet's XML: the workbook is never held in memory). Cells come typed: text as written;
 * a number as an integer when it is integral ({@code 1990.0} -> {@code 1990}), else in plain decimal
 * notation; a number in a date format as an ISO date ({@code 2020-03-01}) or, when it has a time of day,
 * an ISO date-time without offset ({@code 2020-03-01T07:12:45}); booleans as true/false; errors as missing.
 * Workbooks on the 1904 date system are not supported (field tools write the 1900 one).
 */
public final class XlsxWorkbookReader
        implements AutoCloseable
{
    private static final String MAIN_NS_CELL = "c";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private final OPCPackage pkg;
    private final XSSFReader reader;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;

    public XlsxWorkbookReader(Path file)
            throws IOException
    {
        try {
            this.pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        }
        catch (InvalidFormatException | RuntimeException e) {
            throw new IOException("not an XLSX workbook: " + e.getMessage(), e);
        }
        try {
            this.reader = new XSSFReader(pkg);
            this.strings = new ReadOnlySharedStringsTable(pkg, false);
            this.styles = reader.getStylesTable();
        }
        catch (OpenXML4JException | SAXException | RuntimeException e) {
            pkg.revert();
            throw new IOException("unreadable XLSX workbook: " + e.getMessage(), e);
        }
    }

    public static List<String> sheetNames(Path file)
            throws IOException
    {
        try (XlsxWorkbookReader workbook = new XlsxWorkbookReader(file)) {
            List<String> names = new ArrayList<>();
            XSSFReader.SheetIterator sheets = workbook.sheets();
            while (sheets.hasNext()) {
                sheets.next().close();
                names.add(sheets.getSheetName());
            }
            return names;
        }
    }

    private XSSFReader.SheetIterator sheets()
            throws IOException
    {
        try {
            return (XSSFReader.SheetIterator) reader.getSheetsData();
        }
        catch (OpenXML4JException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The rows of one sheet; closing the table closes the workbook. */
    public ExportTable openSheet(String name)
            throws IOException
    {
        XSSFReader.SheetIterator sheets = sheets();
        while (sheets.hasNext()) {
            InputStream in = sheets.next();
            if (sheets.getSheetName().equals(name)) {
                return new SheetTable(in);
            }
            in.close();
        }
        throw new IOException("no sheet '" + name + "'");
    }

    @Override
    public void close()
    {
        pkg.revert();  // opened read-only: nothing to save
    }

    private final class SheetTable
            implements ExportTable
    {
        private final InputStream in;
        private final XMLStreamReader xml;
        private final List<String> header;

        SheetTable(InputStream in)
                throws IOException
        {
            this.in = in;
            try {
                this.xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
            }
            catch (XMLStreamException e) {
                throw new IOException(e.getMessage(), e);
            }
            ExportRow first = readRow();
            while (first != null && first.cells().stream().allMatch(cell -> cell == null)) {
                first = readRow();
            }
            this.header = first == null ? List.of() : first.cells().stream().map(cell -> cell == null ? "" : cell).toList();
        }

        @Override
        public List<String> header()
        {
            return header;
        }

        @Override
        public ExportRow next()
                throws IOException
        {
            ExportRow row = readRow();
            while (row != null && row.cells().stream().allMatch(cell -> cell == null)) {
                row = readRow();
            }
            return row;
        }

        private ExportRow readRow()
                throws IOException
        {
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                        return row();
                    }
                }
                return null;
            }
            catch (XMLStreamException e) {
                throw new IOException("unreadable sheet: " + e.getMessage(), e);
            }
        }

        private ExportRow row()
                throws XMLStreamException
        {
            String number = xml.getAttributeValue(null, "r");
            List<String> cells = new ArrayList<>();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                    break;
                }
                if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals(MAIN_NS_CELL)) {
                    String reference = xml.getAttributeValue(null, "r");
                    int column = reference == null ? cells.size() : columnIndex(reference);
                    String value = cell();
                    while (cells.size() <= column) {
                        cells.add(null);
                    }
                    cells.set(column, value);
                }
            }
            long line = number == null ? -1 : Long.parseLong(number);
            return new ExportRow(line, csvLine(cells), Collections.unmodifiableList(cells), false);
        }

        /** The typed text of one {@code <c>} element (the reader is on its start tag; left on its end tag). */
        private String cell()
                throws XMLStreamException
        {
            String type = xml.getAttributeValue(null, "t");
            String style = xml.getAttributeValue(null, "s");
            StringBuilder value = null;
            StringBuilder inline = null;
            boolean inInlineText = false;
            boolean inValue = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (name.equals("v")) {
                        value = new StringBuilder();
                        inValue = true;
                    }
                    else if (name.equals("t")) {
                        inline = inline == null ? new StringBuilder() : inline;
                        inInlineText = true;
                    }
                }
                else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE) {
                    if (inValue) {
                        value.append(xml.getText());
                    }
                    else if (inInlineText) {
                        inline.append(xml.getText());
                    }
                }
                else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = xml.getLocalName();
                    if (name.equals(MAIN_NS_CELL)) {
                        break;
                    }
                    inValue = inValue && !name.equals("v");
                    inInlineText = inInlineText && !name.equals("t");
                }
            }
            if (type != null && type.equals("inlineStr")) {
                return inline == null ? null : inline.toString();
            }
            if (value == null) {
                return null;
            }
            String text = value.toString();
            return switch (type == null ? "n" : type) {
                case "s" -> strings.getItemAt(Integer.parseInt(text.strip())).getString();
                case "str", "d" -> text;
                case "b" -> text.strip().equals("1") ? "true" : "false";
                case "e" -> null;
                default -> number(text.strip(), style);
            };
        }

        private String number(String text, String style)
        {
            double number;
            try {
                number = Double.parseDouble(text);
            }
            catch (NumberFormatException e) {
                return text;
            }
            if (style != null && styles != null) {
                XSSFCellStyle cellStyle = styles.getStyleAt(Integer.parseInt(style));
                if (cellStyle != null && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString()) && DateUtil.isValidExcelDate(number)) {
                    return dateText(DateUtil.getLocalDateTime(number));
                }
            }
            return numberText(number);
        }

        @Override
        public void close()
                throws IOException
        {
            try {
                xml.close();
            }
            catch (XMLStreamException ignored) {
                // the stream is closed below
            }
            in.close();
            XlsxWorkbookReader.this.close();
        }
    }

    /** An ISO date when the time of day is midnight, else an ISO date-time to the second (no offset). */
    static String dateText(LocalDateTime dateTime)
    {
        LocalDateTime rounded = dateTime.plusNanos(500_000_000).truncatedTo(ChronoUnit.SECONDS);
        if (rounded.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return rounded.toLocalDate().toString();
        }
        return rounded.format(DATE_TIME);
    }

    /** An integral number as an integer, any other in plain decimal notation. */
    static String numberText(double number)
    {
        if (number == Math.rint(number) && Math.abs(number) < 1e15) {
            return Long.toString((long) number);
        }
        return new BigDecimal(Double.toString(number)).stripTrailingZeros().toPlainString();
    }

    /** Zero-based column of a cell reference such as {@code AB12}. */
    static int columnIndex(String reference)
    {
        int column = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = Character.toUpperCase(reference.charAt(i));
            if (c < 'A' || c > 'Z') {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
        }
        return column - 1;
    }

    /** The cells as one CSV line (`,` separated, quoted where needed): a sheet row's raw text. */
    static String csvLine(List<String> cells)
    {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String cell = cells.get(i);
            if (cell == null) {
                continue;
            }
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                line.append('"').append(cell.replace("\"", "\"\"")).append('"');
            }
            else {
                line.append(cell);
            }
        }
        return line.toString();
    }

    static List<String> padded(List<String> cells, int width)
    {
        if (cells.size() >= width) {
            return cells;
        }
        String[] padded = Arrays.copyOf(cells.toArray(String[]::new), width);
        return Arrays.asList(padded);
    }
}
