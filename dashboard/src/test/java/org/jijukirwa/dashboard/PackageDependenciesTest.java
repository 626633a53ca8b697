package org.jijukirwa.dashboard;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The packages by job depend on the wiring's beans only through Micronaut: no sub-package imports the top-level package. */
class PackageDependenciesTest
{
    private static final Path SOURCES = Path.of("src/main/java/org/jijukirwa/dashboard");
    private static final Pattern TOP_LEVEL_IMPORT = Pattern.compile("^import (static )?org\\.jijukirwa\\.dashboard\\.[A-Z].*", Pattern.MULTILINE);
    private static final Pattern SAME_PACKAGE_NAME = Pattern.compile("\\borg\\.jijukirwa\\.dashboard\\.[A-Z]\\w*");

    @Test
    void noSubPackageUsesTheTopLevelPackage()
            throws IOException
    {
        List<String> arrowsUp = new ArrayList<>();
        List<Path> subPackageSources;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            subPackageSources = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.getParent().equals(SOURCES))
                    .toList();
        }
        for (Path file : subPackageSources) {
            String text = Files.readString(file);
            if (TOP_LEVEL_IMPORT.matcher(text).find() || SAME_PACKAGE_NAME.matcher(text).find()) {
                arrowsUp.add(SOURCES.relativize(file).toString());
            }
        }
        assertThat(subPackageSources).as("sources in the sub-packages").hasSizeGreaterThan(30);
        assertThat(arrowsUp).as("sub-package sources that name a class of org.jijukirwa.dashboard").isEmpty();
    }
}
