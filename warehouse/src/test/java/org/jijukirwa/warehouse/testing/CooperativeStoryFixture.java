package org.jijukirwa.warehouse.testing;

import java.util.HashMap;
import java.util.Map;

import org.jijukirwa.layout.Table;

/**
 * Three cooperatives whose stories the cooperative tests work out by hand (as of 2020-06-30), on the contract's
 * reference data:
 * <pre>
 * COOP-GAS-0001 "Abakundakazi ba Gasabo", Gasabo, tailoring: formed 2019-02-10, applied 2019-04-01, registered 2019-05-20,
 *   BDC 2019-09-01, no union; sessions TRN-12-01 (2019-03-20, governance: member MEM-1 and a representative) and
 *   TRN-12-02 (2019-08-05, business_plan: an ODK repeat id uuid:7f3e/member[1] that is no member, and MEM-5); visits
 *   V-1 (2019-06-01, score 40) and V-2 (2020-02-01, score 65); members MEM-1 F born 1990 joined 2019-03-01,
 *   MEM-2 M born 1960 joined 2019-03-01 left 2019-12-15, MEM-3 U without a birth year joined 2020-01-10, and MEM-5 F
 *   born 1989 (30 in 2019, 31 in 2020) who attended before joining on 2020-07-15, after the as-of date
 * COOP-GAS-0002 "Cooperative COOP-GAS-0002", Gasabo, tailoring: formed 2019-01-01, nothing since, never visited
 * COOP-KIC-0001 "Cooperative COOP-KIC-0001", Kicukiro, carpentry: formed 2020-05-01, one member (M, 1985, joined 2020-05-01)
 * </pre>
 */
public final class CooperativeStoryFixture
{
    public static final String NAME = "Abakundakazi ba Gasabo";

    private CooperativeStoryFixture()
    {
    }

    public static SnapshotFixture cooperatives()
    {
        Map<String, Object> story = new HashMap<>();
        story.put("cooperative_id", "COOP-GAS-0001");
        story.put("cooperative_name", NAME);
        story.put("district_code", "12");
        story.put("value_chain", "tailoring");
        story.put("formed_on", java.time.LocalDate.parse("2019-02-10"));
        story.put("applied_on", java.time.LocalDate.parse("2019-04-01"));
        story.put("registered_on", java.time.LocalDate.parse("2019-05-20"));
        story.put("bdc_linked_on", java.time.LocalDate.parse("2019-09-01"));
        return SnapshotFixture.contractReference("2020-06-30")
                .row(Table.COOPERATIVES, story)
                .cooperative("COOP-GAS-0002", "12", "tailoring", "2019-01-01", null)
                .cooperative("COOP-KIC-0001", "13", "carpentry", "2020-05-01", null)
                .member("MEM-1", "COOP-GAS-0001", "a1", "F", 1990, "2019-03-01", null)
                .member("MEM-2", "COOP-GAS-0001", "a2", "M", 1960, "2019-03-01", "2019-12-15")
                .member("MEM-3", "COOP-GAS-0001", null, "U", null, "2020-01-10", null)
                .member("MEM-4", "COOP-KIC-0001", "a4", "M", 1985, "2020-05-01", null)
                .member("MEM-5", "COOP-GAS-0001", "a5", "F", 1989, "2020-07-15", null)
                .attendance("TRN-12-01", "2019-03-20", "12", "governance", "COOP-GAS-0001", "MEM-1")
                .attendance("TRN-12-01", "2019-03-20", "12", "governance", "COOP-GAS-0001", null)
                .attendance("TRN-12-02", "2019-08-05", "12", "business_plan", "COOP-GAS-0001", "uuid:7f3e/member[1]")
                .attendance("TRN-12-02", "2019-08-05", "12", "business_plan", "COOP-GAS-0001", "MEM-5")
                .row(Table.COACHING, visit("V-1", "COOP-GAS-0001", "2019-06-01", 40))
                .row(Table.COACHING, visit("V-2", "COOP-GAS-0001", "2020-02-01", 65));
    }

    private static Map<String, Object> visit(String visitId, String cooperativeId, String visitedOn, int maturityScore)
    {
        Map<String, Object> values = new HashMap<>();
        values.put("visit_id", visitId);
        values.put("cooperative_id", cooperativeId);
        values.put("visited_on", java.time.LocalDate.parse(visitedOn));
        values.put("topics", "[governance]");
        values.put("maturity_score", maturityScore);
        return values;
    }
}
