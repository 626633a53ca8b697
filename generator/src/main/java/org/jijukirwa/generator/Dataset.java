package org.jijukirwa.generator;

import java.util.List;

/**
 * The four record sets of the contract: folder, contract columns (the order
 * the generator keeps values in) and the quarantine reasons the generator
 * injects, each of which it can produce alone on a row.
 */
public enum Dataset
{
    COOPERATIVES("cooperatives",
            List.of("cooperative_id", "cooperative_name", "district", "sector", "value_chain", "formed_on", "applied_on",
                    "registered_on", "rca_certificate_no", "bdc_linked_on", "union_affiliated_on", "updated_at"),
            List.of("malformed_row", "missing_required:cooperative_id", "missing_required:district", "missing_required:value_chain",
                    "missing_required:formed_on", "invalid_date:formed_on", "invalid_date:registered_on", "invalid_date:bdc_linked_on",
                    "unknown_district", "unknown_value_chain", "date_in_future:formed_on", "date_in_future:registered_on",
                    "date_order:registered_on", "date_order:applied_on")),
    MEMBERS("members",
            List.of("member_id", "cooperative_id", "national_id", "full_name", "phone", "sex", "birth_year", "disability",
                    "joined_on", "left_on", "updated_at"),
            List.of("malformed_row", "missing_required:member_id", "missing_required:cooperative_id", "missing_required:joined_on",
                    "invalid_date:joined_on", "invalid_date:left_on", "invalid_value:sex", "invalid_value:birth_year",
                    "invalid_value:disability", "date_in_future:joined_on", "date_order:left_on", "unknown_cooperative")),
    TRAININGS("trainings",
            List.of("session_id", "held_on", "district", "topic", "cooperative_id", "member_id", "attendee_role", "facilitator", "updated_at"),
            List.of("malformed_row", "missing_required:session_id", "missing_required:held_on", "missing_required:district",
                    "missing_required:topic", "missing_required:cooperative_id", "invalid_date:held_on", "unknown_district",
                    "unknown_topic", "unknown_cooperative", "date_in_future:held_on")),
    COACHING("coaching",
            List.of("visit_id", "cooperative_id", "visited_on", "coach", "topics", "maturity_score", "follow_up_due", "notes", "updated_at"),
            List.of("malformed_row", "missing_required:visit_id", "missing_required:cooperative_id", "missing_required:visited_on",
                    "invalid_date:visited_on", "invalid_date:follow_up_due", "invalid_value:maturity_score", "unknown_topic",
                    "unknown_cooperative", "date_in_future:visited_on"));

    private final String folder;
    private final List<String> columns;
    private final List<String> injectedReasons;

    Dataset(String folder, List<String> columns, List<String> injectedReasons)
    {
        this.folder = folder;
        this.columns = columns;
        this.injectedReasons = injectedReasons;
    }

    /** The folder under the output root, also the dataset's name in MANIFEST.json. */
    public String folder()
    {
        return folder;
    }

    public List<String> columns()
    {
        return columns;
    }

    public List<String> injectedReasons()
    {
        return injectedReasons;
    }

    public int column(String name)
    {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(folder + " has no column " + name);
        }
        return index;
    }
}
