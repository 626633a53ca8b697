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

    /**
     * A zip whose central directory and entry headers are whole, but whose entry {@code broken} holds only the first
     * half of its deflated data: it opens and lists, its header line reads, and it breaks off only once read part-way.
     */
    static Path zipWithTruncatedEntry(Path file, Map<String, String> entries, String broken)
    {
        try {
            Files.createDirectories(file.getParent());
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.io.ByteArrayOutputStream directory = new java.io.ByteArrayOutputStream();
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                byte[] text = entry.getValue().getBytes(StandardCharsets.UTF_8);
                java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, true);
                deflater.setInput(text);
                deflater.finish();
                java.io.ByteArrayOutputStream deflated = new java.io.ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                while (!deflater.finished()) {
                    deflated.write(buffer, 0, deflater.deflate(buffer));
                }
                deflater.end();
                byte[] data = deflated.toByteArray();
                if (entry.getKey().equals(broken)) {
                    data = java.util.Arrays.copyOf(data, data.length / 2);
                }
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(text);
                byte[] name = entry.getKey().getBytes(StandardCharsets.UTF_8);
                int offset = out.size();
                java.nio.ByteBuffer local = java.nio.ByteBuffer.allocate(30).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                local.putInt(0x04034b50).putShort((short) 20).putShort((short) 0x0800).putShort((short) 8).putShort((short) 0).putShort((short) 0x5821)
                        .putInt((int) crc.getValue()).putInt(data.length).putInt(text.length).putShort((short) name.length).putShort((short) 0);
                out.write(local.array());
                out.write(name);
                out.write(data);
                java.nio.ByteBuffer central = java.nio.ByteBuffer.allocate(46).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                central.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0x0800).putShort((short) 8).putShort((short) 0)
                        .putShort((short) 0x5821).putInt((int) crc.getValue()).putInt(data.length).putInt(text.length).putShort((short) name.length)
                        .putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(offset);
                directory.write(central.array());
                directory.write(name);
            }
            int directoryOffset = out.size();
            out.write(directory.toByteArray());
            java.nio.ByteBuffer end = java.nio.ByteBuffer.allocate(22).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries.size()).putShort((short) entries.size())
                    .putInt(directory.size()).putInt(directoryOffset).putShort((short) 0);
            out.write(end.array());
            Files.write(file, out.toByteArray());
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
