package org.jijukirwa.ingest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/data-contract.md describes the columns the ingest reads: each dataset's section lists exactly its columns, required ones starred. */
class DataContractDocsTest
{
    private static final Pattern COLUMN_ROW = Pattern.compile("^\\| ([a-z_]+)( \\*)? \\|", Pattern.MULTILINE);

    @Test
    void eachDatasetSectionListsTheColumnsTheIngestReads()
            throws IOException
    {
        String contract = Files.readString(Path.of("..", "docs", "data-contract.md"), StandardCharsets.UTF_8);
        for (RecordSet recordSet : RecordSet.values()) {
            String heading = "### " + recordSet.datasetName() + " ";
            int start = contract.indexOf(heading);
            assertThat(start).as("a section '%s' in docs/data-contract.md", heading.strip()).isNotNegative();
            int end = contract.indexOf("\n#", start + heading.length());
            Matcher row = COLUMN_ROW.matcher(contract.substring(start, end < 0 ? contract.length() : end));
            List<String> columns = new ArrayList<>();
            List<String> required = new ArrayList<>();
            while (row.find()) {
                if (row.group(1).equals("column")) {
                    continue;  // the table's header
                }
                columns.add(row.group(1));
                if (row.group(2) != null) {
                    required.add(row.group(1));
                }
            }
            assertThat(columns).as("columns of %s", recordSet.datasetName()).containsExactlyElementsOf(recordSet.sourceColumns());
            assertThat(required).as("required columns of %s", recordSet.datasetName()).containsExactlyInAnyOrderElementsOf(recordSet.requiredColumns());
        }
    }

    @Test
    void theRejectedFilesSectionListsExactlyTheFileRejectionCodes()
            throws IOException
    {
        String contract = Files.readString(Path.of("..", "docs", "data-contract.md"), StandardCharsets.UTF_8);
        int start = contract.indexOf("## Rejected files");
        assertThat(start).as("a section '## Rejected files' in docs/data-contract.md").isNotNegative();
        int end = contract.indexOf("\n## ", start + 1);
        Matcher row = Pattern.compile("^\\| `([a-z_0-9]+)` \\|", Pattern.MULTILINE).matcher(contract.substring(start, end));
        List<String> codes = new ArrayList<>();
        while (row.find()) {
            codes.add(row.group(1));
        }
        assertThat(codes).containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(FileRejection.Reason.values()).map(FileRejection.Reason::code).toList());
    }
}
