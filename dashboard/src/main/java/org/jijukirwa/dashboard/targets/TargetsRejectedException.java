package org.jijukirwa.dashboard.targets;

import io.micronaut.core.annotation.Nullable;

/** Targets that cannot be saved, with the sentence that says why and the field at fault (a 400). */
public final class TargetsRejectedException
        extends RuntimeException
{
    private final String parameter;

    public TargetsRejectedException(String message, @Nullable String parameter)
    {
        super(message);
        this.parameter = parameter;
    }

    public @Nullable String parameter()
    {
        return parameter;
    }
}
