package org.jijukirwa.warehouse.testing;

import java.nio.file.Path;

/**
 * A tiny programme whose every figure is worked out by hand in the tests (snapshot as of 2020-06-30).
 * <pre>
 * districts: 11 Nyarugenge, 12 Gasabo (Kigali City); 21 Nyanza, 24 Huye (Southern); 31 Karongi (Western)
 * cooperative  district    value chain   formed      registered  bdc         union       days
 * C1           Gasabo      tailoring     2019-01-15  2019-03-10  2019-06-01  2020-01-10    54
 * C2           Gasabo      hairdressing  2019-02-01  2019-12-31  -           -            333
 * C3           Nyarugenge  tailoring     2019-06-30  -           2019-07-01  -
 * C4           Huye        carpentry     2019-03-31  2020-01-01  -           2020-06-30   276
 * C5           Nyanza      tailoring     2020-03-01  2020-03-11  2020-04-01  -             10
 * C6           Huye        hairdressing  2020-06-30  -           -           -
 * member  cooperative  person  sex  born  joined      left
 * M1      C1           P1      F    1995  2019-01-20  -
 * M2      C1           P2      M    1980  2019-02-01  2020-06-30
 * M3      C1           -       U    -     2019-03-01  -
 * M4      C2           P1      F    1995  2019-05-01  -
 * M5      C2           -       F    1960  2019-05-01  -
 * M6      C4           P3      M    2000  2019-04-01  -
 * M7      C5           P4      F    1958  2019-12-01  -           (joined before C5 was formed)
 * M8      C6           P5      M    1990  2020-06-01  -
 * M9      C3           P2      M    1980  2019-07-01  2020-02-01
 * session  held on     district  topic          attendees (cooperative/member)
 * S1       2019-03-05  Gasabo    governance     C1/M1, C1/M2, C2/-
 * S2       2019-06-30  Huye      business_plan  C4/M6, C1/M1
 * S3       2020-01-15  Nyanza    governance     C5/M7, C4/-
 * S4       2020-06-30  Gasabo    osh            C3/-
 * visits: V1 C1 2019-02-10, V2 C1 2019-08-01, V3 C4 2020-01-05, V4 C5 2020-02-20, V5 C2 2020-06-30
 * targets: coops_formed 11:2 12:3 21:2 24:2 31:1; coops_registered programme-wide 4;
 *          training_sessions 11:2 12:2 21:2 24:2 (none for Karongi), programme-wide 10
 * </pre>
 */
public final class ProgrammeFixture
{
    private ProgrammeFixture()
    {
    }

    public static SnapshotFixture reference(SnapshotFixture fixture)
    {
        return fixture
                .district("11", "Nyarugenge", "1", "Kigali City")
                .district("12", "Gasabo", "1", "Kigali City")
                .district("21", "Nyanza", "2", "Southern")
                .district("24", "Huye", "2", "Southern")
                .district("31", "Karongi", "3", "Western")
                .valueChain("tailoring", "Tailoring and garment making")
                .valueChain("hairdressing", "Hairdressing and beauty")
                .valueChain("carpentry", "Carpentry and joinery")
                .topic("governance", "Governance")
                .topic("business_plan", "Business plan")
                .topic("osh", "Occupational safety and health");
    }

    public static SnapshotFixture programme(Path warehouseRoot)
    {
        return reference(SnapshotFixture.in(warehouseRoot).asOf("2020-06-30"))
                .target("coops_formed", "11", 2)
                .target("coops_formed", "12", 3)
                .target("coops_formed", "21", 2)
                .target("coops_formed", "24", 2)
                .target("coops_formed", "31", 1)
                .target("coops_registered", null, 4)
                .target("training_sessions", "11", 2)
                .target("training_sessions", "12", 2)
                .target("training_sessions", "21", 2)
                .target("training_sessions", "24", 2)
                .target("training_sessions", null, 10)
                .cooperative("C1", "12", "tailoring", "2019-01-15", "2019-03-10", "2019-06-01", "2020-01-10")
                .cooperative("C2", "12", "hairdressing", "2019-02-01", "2019-12-31", null, null)
                // formed_on 2019-06-30 in Kigali (the field record said 2019-06-29T22:30:00Z)
                .cooperative("C3", "11", "tailoring", "2019-06-30", null, "2019-07-01", null)
                .cooperative("C4", "24", "carpentry", "2019-03-31", "2020-01-01", null, "2020-06-30")
                .cooperative("C5", "21", "tailoring", "2020-03-01", "2020-03-11", "2020-04-01", null)
                .cooperative("C6", "24", "hairdressing", "2020-06-30", null, null, null)
                .member("M1", "C1", "P1", "F", 1995, "2019-01-20", null)
                .member("M2", "C1", "P2", "M", 1980, "2019-02-01", "2020-06-30")
                .member("M3", "C1", null, "U", null, "2019-03-01", null)
                .member("M4", "C2", "P1", "F", 1995, "2019-05-01", null)
                .member("M5", "C2", null, "F", 1960, "2019-05-01", null)
                .member("M6", "C4", "P3", "M", 2000, "2019-04-01", null)
                .member("M7", "C5", "P4", "F", 1958, "2019-12-01", null)
                .member("M8", "C6", "P5", "M", 1990, "2020-06-01", null)
                .member("M9", "C3", "P2", "M", 1980, "2019-07-01", "2020-02-01")
                .attendance("S1", "2019-03-05", "12", "governance", "C1", "M1")
                .attendance("S1", "2019-03-05", "12", "governance", "C1", "M2")
                .attendance("S1", "2019-03-05", "12", "governance", "C2", null)
                .attendance("S2", "2019-06-30", "24", "business_plan", "C4", "M6")
                .attendance("S2", "2019-06-30", "24", "business_plan", "C1", "M1")
                .attendance("S3", "2020-01-15", "21", "governance", "C5", "M7")
                .attendance("S3", "2020-01-15", "21", "governance", "C4", null)
                .attendance("S4", "2020-06-30", "12", "osh", "C3", null)
                .visit("V1", "C1", "2019-02-10")
                .visit("V2", "C1", "2019-08-01")
                .visit("V3", "C4", "2020-01-05")
                .visit("V4", "C5", "2020-02-20")
                .visit("V5", "C2", "2020-06-30");
    }
}
