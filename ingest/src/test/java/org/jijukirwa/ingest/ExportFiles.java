package org.jijukirwa.ingest;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Hand-made export files for the tests: XLSX workbooks written with POI, zips of CSV texts. */
final class ExportFiles
{
    private ExportFiles()
    {
    }

    /**
     * A workbook with one sheet per entry (in order); cells: String (text), Number (numeric), LocalDate and
     * LocalDateTime (numeric cells in a date format), Boolean; null leaves the cell out.
     */
    static Path xlsx(Path file, Map<String, List<List<Object>>> sheets)
    {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            sheets.forEach((name, rows) -> {
                Sheet sheet = workbook.createSheet(name);
                for (int r = 0; r < rows.size(); r++) {
                    Row row = sheet.createRow(r);
                    List<Object> cells = rows.get(r);
                    for (int c = 0; c < cells.size(); c++) {
                        Object value = cells.get(c);
                        if (value instanceof String text) {
                            row.createCell(c).setCellValue(text);
                        }
                        else if (value instanceof Number number) {
                            row.createCell(c).setCellValue(number.doubleValue());
                        }
                        else if (value instanceof LocalDateTime time) {
                            row.createCell(c).setCellValue(time);
                            row.getCell(c).setCellStyle(dateTime);
                        }
                        else if (value instanceof LocalDate day) {
                            row.createCell(c).setCellValue(day);
                            row.getCell(c).setCellStyle(date);
                        }
                        else if (value instanceof Boolean bool) {
                            row.createCell(c).setCellValue(bool);
                        }
                    }
                }
            });
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
            return file;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip of text entries (name -> UTF-8 text), in order. */
    static Path zip(Path file, Map<String, String> entries)
    {
        try {
            Files.createDirectories(file.getParent());
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
                for (Map.Entry<String, String> entry : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(entry.getKey()));
                    zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            return file;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Object> row(Object... cells)
    {
        return java.util.Arrays.asList(cells);
    }
}
