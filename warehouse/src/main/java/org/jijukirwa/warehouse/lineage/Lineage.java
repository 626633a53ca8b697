package org.jijukirwa.warehouse.lineage;

import org.jijukirwa.warehouse.indicator.Indicator;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The lineage of a figure (interfaces.md): the indicator it answers (empty for a snapshot's lineage alone), the
 * snapshot as its caller may see it, and its protection: whether the disclosure rounding of disclosure.md applied
 * to this view's person counts, with its base k. Nothing is ever suppressed.
 */
public record Lineage(Optional<Indicator> indicator, SnapshotLineage snapshot, boolean protectionApplied, int protectionBase)
{
    public Lineage
    {
        requireNonNull(indicator, "indicator is null");
        requireNonNull(snapshot, "snapshot is null");
    }
}
