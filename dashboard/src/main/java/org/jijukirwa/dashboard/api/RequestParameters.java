package org.jijukirwa.dashboard.api;

import io.micronaut.http.HttpParameters;

import java.util.LinkedHashMap;
import java.util.Map;

/** The raw query parameters the warehouse parses itself (so that an unknown name is a 400 naming it). */
public final class RequestParameters
{
    private RequestParameters()
    {
    }

    /** A parameter given twice ({@code by=district&by=sex}) reads as one comma-separated list. */
    public static Map<String, String> raw(HttpParameters parameters)
    {
        Map<String, String> raw = new LinkedHashMap<>();
        for (String name : parameters.names()) {
            raw.put(name, String.join(",", parameters.getAll(name)));
        }
        return raw;
    }
}
