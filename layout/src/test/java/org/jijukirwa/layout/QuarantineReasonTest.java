package org.jijukirwa.layout;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuarantineReasonTest
{
    /** A row of the contract's table of reason codes: {@code | `code` | when |}. */
    private static final Pattern CODE_ROW = Pattern.compile("^\\| `([a-z_]+(?::<column>)?)` \\|", Pattern.MULTILINE);

    @Test
    void theDataContractListsExactlyTheReasonsTheCodeKnows()
            throws IOException
    {
        String contract = Files.readString(Path.of("..", "docs", "data-contract.md"), StandardCharsets.UTF_8);
        // the row reasons' section (the file-level codes of "Rejected files" are the ingest's FileRejection.Reason)
        int start = contract.indexOf("## Validation");
        assertThat(start).as("a section '## Validation' in docs/data-contract.md").isNotNegative();
        int end = contract.indexOf("\n## ", start + 1);
        List<String> documented = new ArrayList<>();
        Matcher row = CODE_ROW.matcher(contract.substring(start, end < 0 ? contract.length() : end));
        while (row.find()) {
            documented.add(row.group(1));
        }
        List<String> known = Arrays.stream(QuarantineReason.values()).map(QuarantineReason::template).toList();
        assertThat(documented).as("reason codes in docs/data-contract.md").containsExactlyInAnyOrderElementsOf(known);
    }

    @Test
    void codesAreWrittenAsTheContractWritesThem()
    {
        assertThat(QuarantineReason.MALFORMED_ROW.code()).isEqualTo("malformed_row");
        assertThat(QuarantineReason.INVALID_DATE.code("formed_on")).isEqualTo("invalid_date:formed_on");
        assertThat(QuarantineReason.DATE_IN_FUTURE.template()).isEqualTo("date_in_future:<column>");
        assertThatThrownBy(QuarantineReason.INVALID_VALUE::code).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> QuarantineReason.UNKNOWN_TOPIC.code("topic")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCodeNamesItsReason()
    {
        assertThat(QuarantineReason.ofCode("invalid_date:formed_on")).contains(QuarantineReason.INVALID_DATE);
        assertThat(QuarantineReason.ofCode("unknown_cooperative")).contains(QuarantineReason.UNKNOWN_COOPERATIVE);
        assertThat(QuarantineReason.ofCode("invalid_date")).isEmpty();
        assertThat(QuarantineReason.ofCode("invalid_date:")).isEmpty();
        assertThat(QuarantineReason.ofCode("unknown_cooperative:cooperative_id")).isEmpty();
        assertThat(QuarantineReason.ofCode("unknown_sector")).isEmpty();
    }
}
