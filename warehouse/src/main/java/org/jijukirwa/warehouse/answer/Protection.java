package org.jijukirwa.warehouse.answer;

import org.jijukirwa.warehouse.snapshot.ReferenceData;

import static java.util.Objects.requireNonNull;

/**
 * How a public answer of an indicator that counts people is protected (docs/disclosure.md): its counts rounded to
 * {@code base} (k) by the keyed {@code protected_count} macro, installed in the snapshot's database; the reference data
 * writes the canonical cells of persons_reached.
 */
public record Protection(int base, ReferenceData reference)
{
    public Protection
    {
        if (base < 2) {
            throw new IllegalArgumentException("a base below 2 protects nothing: " + base);
        }
        requireNonNull(reference, "reference is null");
    }
}
