package org.jijukirwa.warehouse.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the SQL files under {@code /sql/} on the class path. */
public final class SqlResources
{
    private SqlResources()
    {
    }

    /** The text of {@code /sql/<path>.sql}, e.g. {@code marts/dim_cooperatives}. */
    public static String read(String path)
    {
        String resource = "/sql/" + path + ".sql";
        try (InputStream input = SqlResources.class.getResourceAsStream(resource)) {
            if (input == null) {
                throw new IllegalStateException("missing SQL resource " + resource);
            }
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read SQL resource " + resource, e);
        }
    }
}
