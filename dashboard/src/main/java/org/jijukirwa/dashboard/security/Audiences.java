package org.jijukirwa.dashboard.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import org.jijukirwa.warehouse.answer.Audience;

/** Who is asking: managers (and admins, who hold the manager role too) see unsuppressed cells; everyone else the public view. */
public final class Audiences
{
    private Audiences()
    {
    }

    public static Audience of(@Nullable Authentication authentication)
    {
        if (authentication != null && authentication.getRoles().contains(UserAccount.MANAGER)) {
            return Audience.MANAGER;
        }
        return Audience.PUBLIC;
    }
}
