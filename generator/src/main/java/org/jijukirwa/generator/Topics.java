package org.jijukirwa.generator;

import java.util.List;

/** The contract's training and coaching topic codes. */
public final class Topics
{
    public static final List<String> ALL = List.of(
            "cooperative_principles", "governance", "business_plan", "market_opportunities", "financial_management",
            "labour_union", "osh", "rights_and_laws", "leadership", "record_keeping", "savings_credit");

    private Topics()
    {
    }
}
