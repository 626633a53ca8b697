package org.jijukirwa.dashboard.targets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The run's reference folder: the bundled tables byte for byte, and the targets as last edited. */
class TargetStoreTest
{
    private static final Path REFERENCE = Path.of("..", "reference");

    @Test
    void beforeAnEditTheFolderIsTheBundledReferenceAndAfterItHoldsTheEditedTargets(@TempDir Path warehouse)
            throws Exception
    {
        BundledReference bundled = new BundledReference();
        TargetStore store = new TargetStore(bundled, warehouse);
        Path before = Files.createDirectories(warehouse.resolve("before"));

        store.writeTo(before);

        for (String file : List.of("districts.csv", "value_chains.csv", "topics.csv", "targets.csv")) {
            assertThat(Files.readAllBytes(before.resolve(file))).as(file).isEqualTo(Files.readAllBytes(REFERENCE.resolve(file)));
        }
        // the bundled targets written anew make the bundled file
        assertThat(store.csv(bundled.targets())).isEqualTo(Files.readAllBytes(REFERENCE.resolve("targets.csv")));

        List<ProgrammeTarget> edited = new ArrayList<>(bundled.targets());
        edited.removeIf(target -> target.target().equals("coops_registered"));
        edited.add(new ProgrammeTarget("coops_registered", "12", 9));
        edited.add(new ProgrammeTarget("coops_registered", null, 250));
        TargetStore.Edit edit = store.save(edited, "ange");
        Path after = Files.createDirectories(warehouse.resolve("after"));
        store.writeTo(after);

        assertThat(Files.readAllBytes(after.resolve("districts.csv"))).isEqualTo(Files.readAllBytes(REFERENCE.resolve("districts.csv")));
        assertThat(Files.readString(after.resolve("targets.csv"))).endsWith("training_sessions,57,3\ncoops_registered,12,9\ncoops_registered,,250\n");
        assertThat(TargetStore.sha256(Files.readAllBytes(after.resolve("targets.csv")))).isEqualTo(edit.sha256());
        assertThat(new TargetStore(bundled, warehouse).current().targets()).containsExactlyInAnyOrderElementsOf(edited);
    }
}
