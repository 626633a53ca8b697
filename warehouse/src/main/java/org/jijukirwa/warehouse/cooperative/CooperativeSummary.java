package org.jijukirwa.warehouse.cooperative;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A cooperative as a search finds it: its id, name and place. */
public record CooperativeSummary(String cooperativeId, Optional<String> name, Optional<String> province, Optional<String> district, String valueChain)
{
    public CooperativeSummary
    {
        requireNonNull(cooperativeId, "cooperativeId is null");
        requireNonNull(name, "name is null");
        requireNonNull(province, "province is null");
        requireNonNull(district, "district is null");
        requireNonNull(valueChain, "valueChain is null");
    }
}
