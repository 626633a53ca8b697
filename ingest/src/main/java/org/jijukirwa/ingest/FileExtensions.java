package org.jijukirwa.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Which kind of file (of an enum's kinds, tried in order) a file name's extension announces, ignoring case. */
final class FileExtensions
{
    private FileExtensions()
    {
    }

    static <K extends Enum<K>> Optional<K> kindOf(String fileName, K[] kinds, Function<K, List<String>> extensions)
    {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (K kind : kinds) {
            for (String extension : extensions.apply(kind)) {
                if (lower.endsWith(extension)) {
                    return Optional.of(kind);
                }
            }
        }
        return Optional.empty();
    }
}
