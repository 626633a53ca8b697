package org.jijukirwa.dashboard.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import static java.util.Objects.requireNonNull;

/** The body of every API error: {"error": "a sentence for the user", "parameter": "the request parameter at fault"}. */
@Serdeable
public record ApiError(String error, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String parameter)
{
    public ApiError
    {
        requireNonNull(error, "error is null");
    }

    public static ApiError of(String error)
    {
        return new ApiError(error, null);
    }
}
