package org.jijukirwa.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/** A data set generated into a folder, read back by the independent checker, with its manifest. */
record GeneratedDataSet(Path root, LocalDate asOf, ContractChecker checker, ContractChecker.Report report, Map<String, Object> manifest)
{
    static final Path REFERENCE = Path.of("../reference");

    static GeneratedDataSet generate(Path root, long seed, String presetName, PresetParameters parameters)
            throws IOException
    {
        new FieldDataGenerator(root, seed, presetName, parameters).generate();
        ContractChecker checker = new ContractChecker(REFERENCE, parameters.asOf());
        @SuppressWarnings("unchecked")
        Map<String, Object> manifest = (Map<String, Object>) JsonTestReader.parse(
                Files.readString(root.resolve(FieldDataGenerator.MANIFEST_FILE), StandardCharsets.UTF_8));
        return new GeneratedDataSet(root, parameters.asOf(), checker, checker.check(root), manifest);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> dataset(String name)
    {
        return (Map<String, Object>) ((Map<String, Object>) manifest.get("datasets")).get(name);
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> files(String dataset)
    {
        return (Map<String, Map<String, Object>>) dataset(dataset).get("files");
    }
}
