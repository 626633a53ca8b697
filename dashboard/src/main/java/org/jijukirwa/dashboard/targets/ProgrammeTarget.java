package org.jijukirwa.dashboard.targets;

import io.micronaut.core.annotation.Nullable;

import static java.util.Objects.requireNonNull;

/**
 * One line of the targets file ({@code target,district_code,value}): the target of an indicator for one district, or
 * programme-wide when {@code districtCode} is null. A target has no period: it is the programme's whole target, which
 * the attainment indicators compare with the figure at the date asked for (docs/indicators.md).
 */
public record ProgrammeTarget(String target, @Nullable String districtCode, long value)
{
    public ProgrammeTarget
    {
        requireNonNull(target, "target is null");
    }

    /** The key of the targets file: one line per target and district (or programme). */
    String key()
    {
        return target + "/" + (districtCode == null ? "" : districtCode);
    }
}
