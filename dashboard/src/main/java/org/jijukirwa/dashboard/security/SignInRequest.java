package org.jijukirwa.dashboard.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The sign-in form's fields, as JSON: {@code {"user": "maria", "password": "..."}}. */
@Serdeable
public record SignInRequest(@Nullable String user, @Nullable String password)
{
    @Override
    public String toString()
    {
        return "SignInRequest[user=" + user + "]";
    }
}
