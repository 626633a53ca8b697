package org.jijukirwa.dashboard.quarantine;

import java.util.List;
import java.util.Map;

/** The columns of each dataset as docs/data-contract.md lists them, in its order: the header of a quarantine download. */
final class ContractColumns
{
    static final Map<String, List<String>> BY_DATASET = Map.of(
            "cooperatives", List.of("cooperative_id", "cooperative_name", "district", "sector", "value_chain", "formed_on", "applied_on",
                    "registered_on", "rca_certificate_no", "bdc_linked_on", "union_affiliated_on", "updated_at"),
            "members", List.of("member_id", "cooperative_id", "national_id", "full_name", "phone", "sex", "birth_year", "disability",
                    "joined_on", "left_on", "updated_at"),
            "trainings", List.of("session_id", "held_on", "district", "topic", "cooperative_id", "member_id", "attendee_role", "facilitator",
                    "updated_at"),
            "coaching", List.of("visit_id", "cooperative_id", "visited_on", "coach", "topics", "maturity_score", "follow_up_due", "notes",
                    "updated_at"));

    private ContractColumns()
    {
    }
}
