package org.jijukirwa.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list of checked input files saves a run from reading again what an earlier run read: an unchanged file is
 * taken from it, and anything changed, rejected, or a damaged list means the file is read as if for the first time.
 */
class CheckedFilesTest
{
    private static final String COOPERATIVES = "cooperative_id,cooperative_name,district,value_chain,formed_on,record_version\n"
            + "COOP-1,Abadozi,Gasabo,tailoring,2020-01-15,1\n";

    @TempDir
    Path folder;

    @Test
    void anUnchangedFileIsNotReadAgainByTheNextRunAndKeepsItsHash()
            throws IOException
    {
        Path input = write("input/cooperatives/a.csv", COOPERATIVES);
        Path list = folder.resolve(".checked-files.tsv");
        AtomicInteger reads = new AtomicInteger();

        CheckedFiles first = CheckedFiles.at(list);
        TextFileCheck.Outcome read = first.textChecked(input, () -> countedCheck(input, reads));
        first.save();
        CheckedFiles second = CheckedFiles.at(list);
        TextFileCheck.Outcome remembered = second.textChecked(input, () -> countedCheck(input, reads));

        assertThat(reads).hasValue(1);
        assertThat(second.reused()).isEqualTo(1);
        assertThat(remembered).isEqualTo(read);
        assertThat(remembered.sha256()).matches("[0-9a-f]{64}");
    }

    @Test
    void aGrownOrReplacedFileIsReadAgain()
            throws IOException
    {
        Path input = write("input/cooperatives/a.csv", COOPERATIVES);
        Path list = folder.resolve(".checked-files.tsv");
        AtomicInteger reads = new AtomicInteger();
        CheckedFiles first = CheckedFiles.at(list);
        String before = first.textChecked(input, () -> countedCheck(input, reads)).sha256();
        first.save();

        Files.writeString(input, "COOP-2,Abasudira,Kicukiro,welding,2020-02-01,1\n", StandardOpenOption.APPEND);
        CheckedFiles second = CheckedFiles.at(list);
        String grown = second.textChecked(input, () -> countedCheck(input, reads)).sha256();
        second.save();

        // Same size, another file (a new inode) renamed over the old one, as a download or a copy does.
        Path replacement = write("input/cooperatives/b.tmp", new String(Files.readAllBytes(input), StandardCharsets.UTF_8).replace("COOP-2", "COOP-3"));
        Files.move(replacement, input, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CheckedFiles third = CheckedFiles.at(list);
        String replaced = third.textChecked(input, () -> countedCheck(input, reads)).sha256();

        assertThat(reads).hasValue(3);
        assertThat(List.of(second.reused(), third.reused())).containsExactly(0, 0);
        assertThat(List.of(before, grown, replaced)).doesNotHaveDuplicates();
    }

    @Test
    void aRejectedFileIsNotRememberedSoItIsCheckedAndReportedAgain()
            throws IOException
    {
        Path input = folder.resolve("latin1.csv");
        Files.write(input, (COOPERATIVES + "COOP-9,Caf\u00e9,Gasabo,tailoring,2020-01-15,1\n").getBytes(StandardCharsets.ISO_8859_1));
        Path list = folder.resolve(".checked-files.tsv");
        AtomicInteger reads = new AtomicInteger();
        for (int run = 0; run < 2; run++) {
            CheckedFiles checked = CheckedFiles.at(list);
            TextFileCheck.Outcome outcome = checked.textChecked(input, () -> countedCheck(input, reads));
            checked.save();
            assertThat(outcome.rejection()).map(FileRejection::reason).contains(FileRejection.Reason.NOT_UTF8);
        }
        assertThat(reads).hasValue(2);
    }

    @Test
    void aDamagedListMeansEveryFileIsReadAndAGoneFileIsForgotten()
            throws IOException
    {
        Path kept = write("input/cooperatives/a.csv", COOPERATIVES);
        Path gone = write("input/cooperatives/b.csv", COOPERATIVES);
        Path list = folder.resolve(".checked-files.tsv");
        AtomicInteger reads = new AtomicInteger();
        CheckedFiles first = CheckedFiles.at(list);
        first.textChecked(kept, () -> countedCheck(kept, reads));
        first.hashed(gone, () -> "0".repeat(64));
        first.save();
        assertThat(Files.readAllLines(list)).hasSize(3);

        Files.delete(gone);
        CheckedFiles second = CheckedFiles.at(list);
        second.textChecked(kept, () -> countedCheck(kept, reads));
        second.save();
        assertThat(Files.readString(list)).contains(kept.toString()).doesNotContain(gone.toString());

        Files.writeString(list, Files.readString(list).replaceAll("[0-9a-f]{64}", "not-a-hash"));
        CheckedFiles third = CheckedFiles.at(list);
        third.textChecked(kept, () -> countedCheck(kept, reads));
        assertThat(third.reused()).isZero();
        assertThat(reads).hasValue(2);
    }

    @Test
    void theScannerTakesUnchangedFilesFromTheListAndFindsTheSameFilesAndHashes()
            throws IOException
    {
        write("input/cooperatives/a.csv", COOPERATIVES);
        write("input/cooperatives/b.csv", COOPERATIVES.replace("COOP-1", "COOP-2"));
        Path list = folder.resolve(".checked-files.tsv");

        CheckedFiles first = CheckedFiles.at(list);
        InputScanner.ScanResult read = new InputScanner(ColumnMapping.none(), first).scan(folder.resolve("input"));
        first.save();
        write("input/cooperatives/c.csv", COOPERATIVES.replace("COOP-1", "COOP-3"));
        CheckedFiles second = CheckedFiles.at(list);
        InputScanner.ScanResult again = new InputScanner(ColumnMapping.none(), second).scan(folder.resolve("input"));

        assertThat(second.reused()).isEqualTo(2);
        assertThat(again.dataFiles()).hasSize(3);
        assertThat(again.dataFiles().subList(0, 2)).extracting(InputFile::relativePath, InputFile::contentSha256)
                .isEqualTo(read.dataFiles().stream().map(file -> org.assertj.core.groups.Tuple.tuple(file.relativePath(), file.contentSha256())).toList());
        assertThat(again.dataFiles().get(2).contentSha256()).isNotIn(read.dataFiles().stream().map(InputFile::contentSha256).toList());
    }

    private static TextFileCheck.Outcome countedCheck(Path file, AtomicInteger reads)
    {
        reads.incrementAndGet();
        return TextFileCheck.check(file, file.getFileName().toString(), true);
    }

    private Path write(String relativePath, String text)
            throws IOException
    {
        Path file = folder.resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
