package org.jijukirwa.generator;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XlsxWorkbookTest
{
    @Test
    void columnsAreNamedAsExcelNamesThem()
    {
        assertThat(XlsxWorkbook.columnName(0)).isEqualTo("A");
        assertThat(XlsxWorkbook.columnName(25)).isEqualTo("Z");
        assertThat(XlsxWorkbook.columnName(26)).isEqualTo("AA");
        assertThat(XlsxWorkbook.columnName(27)).isEqualTo("AB");
        assertThat(XlsxWorkbook.columnName(701)).isEqualTo("ZZ");
        assertThat(XlsxWorkbook.columnName(702)).isEqualTo("AAA");
    }

    @Test
    void dateTimesAreExcelSerials()
    {
        // 2020-03-01 is day 43891 after 1899-12-30; 07:12:45 is 25 965 s of 86 400.
        assertThat(XlsxWorkbook.excelSerial(LocalDateTime.of(2020, 3, 1, 0, 0))).isEqualTo("43891");
        assertThat(XlsxWorkbook.excelSerial(LocalDateTime.of(2020, 3, 1, 12, 0))).isEqualTo("43891.5");
        assertThat(XlsxWorkbook.excelSerial(LocalDateTime.of(2020, 3, 1, 7, 12, 45))).isEqualTo("43891.3005208333");
    }

    @Test
    void poiReadsTextNumbersDatesEmptyCellsAndSheetNames()
            throws IOException
    {
        List<List<XlsxWorkbook.Cell>> rows = List.of(
                List.of(new XlsxWorkbook.Text("name"), new XlsxWorkbook.Text("year"), new XlsxWorkbook.Text("when")),
                Arrays.asList(new XlsxWorkbook.Text("Uwase \"A\" & <B>\nline"), new XlsxWorkbook.Number("1990.0"),
                        new XlsxWorkbook.DateTime(LocalDateTime.of(2020, 3, 1, 7, 12, 45))),
                Arrays.asList(null, new XlsxWorkbook.Number("7"), null));
        byte[] bytes = new XlsxWorkbook().sheet("Données", rows).sheet("second", List.of()).bytes();

        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            Sheet sheet = workbook.getSheet("Données");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Uwase \"A\" & <B>\nline");
            assertThat(sheet.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(1990.0);
            assertThat(DateUtil.isCellDateFormatted(sheet.getRow(1).getCell(2))).isTrue();
            assertThat(sheet.getRow(1).getCell(2).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2020, 3, 1, 7, 12, 45));
            assertThat(sheet.getRow(2).getCell(0)).isNull();
            assertThat(sheet.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(7.0);
        }
    }

    @Test
    void theSameContentGivesTheSameBytes()
    {
        List<List<String>> rows = List.of(List.of("type", "name"), List.of("text", "member_id"));

        assertThat(new XlsxWorkbook().sheet("survey", XlsxWorkbook.textRows(rows)).bytes())
                .isEqualTo(new XlsxWorkbook().sheet("survey", XlsxWorkbook.textRows(rows)).bytes());
    }

    @Test
    void refusesWhatExcelWouldRefuse()
    {
        assertThatThrownBy(() -> new XlsxWorkbook().sheet("a name longer than thirty-one characters", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new XlsxWorkbook().sheet("s", List.of(List.of(new XlsxWorkbook.Text("bell\u0007")))).bytes())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control character");
        assertThatThrownBy(() -> new XlsxWorkbook.Number("12a")).isInstanceOf(NumberFormatException.class);
    }
}
