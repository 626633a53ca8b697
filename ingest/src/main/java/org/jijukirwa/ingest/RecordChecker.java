package org.jijukirwa.ingest;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.jijukirwa.layout.Table;

import org.jijukirwa.layout.QuarantineReason;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Validation of one row of one record set (data-contract.md), in one pass:
 * from the reader's string columns to the typed columns of the layout table
 * plus every quarantine reason that applies, in a fixed order (missing
 * required columns, the record set's rules, unknown cooperative). A row is
 * valid when it has no reason. Quarantined rows keep their raw text and raw
 * values; valid rows do not.
 * <p>
 * Each value read goes to the source column, and each value written to the
 * layout column ({@link Table}), of its name: the positions are looked up by
 * name once, when the class loads, so a row costs array accesses only.
 * <p>
 * Serialisable, so that Spark ships it to the tasks; each task gets its own
 * copy (the person key function keeps a Mac, which is not thread-safe).
 */
public final class RecordChecker
        implements Serializable
{
    private static final long serialVersionUID = 1L;
    private static final String[] NO_REASONS = new String[0];
    private static final String INVALID_SEX = QuarantineReason.INVALID_VALUE.code("sex");
    private static final String INVALID_BIRTH_YEAR = QuarantineReason.INVALID_VALUE.code("birth_year");
    private static final String INVALID_DISABILITY = QuarantineReason.INVALID_VALUE.code("disability");
    private static final String INVALID_ATTENDEE_ROLE = QuarantineReason.INVALID_VALUE.code("attendee_role");
    private static final String INVALID_MATURITY_SCORE = QuarantineReason.INVALID_VALUE.code("maturity_score");
    private static final List<String> ROLES = List.of("representative", "member", "leader", "local_leader");

    private final RecordSet recordSet;
    private final FieldRules fields;
    private final LocalDate asOf;
    private final PersonKeyFunction personKey;
    private final Set<String> knownCooperatives;
    private final String[] columns;
    private final int[] requiredIndexes;
    private final int cooperativeIdIndex;
    private final int tableWidth;

    /** {@code knownCooperatives}: the ids an unknown_cooperative check accepts; null for the cooperatives themselves. */
    RecordChecker(RecordSet recordSet, FieldRules fields, LocalDate asOf, PersonKeyFunction personKey, Set<String> knownCooperatives)
    {
        this.recordSet = requireNonNull(recordSet, "recordSet is null");
        this.fields = requireNonNull(fields, "fields is null");
        this.asOf = requireNonNull(asOf, "asOf is null");
        this.personKey = requireNonNull(personKey, "personKey is null");
        if ((recordSet == RecordSet.COOPERATIVES) != (knownCooperatives == null)) {
            throw new IllegalArgumentException(recordSet.datasetName() + (knownCooperatives == null ? " needs" : " takes no") + " known cooperatives");
        }
        this.knownCooperatives = knownCooperatives;
        this.columns = recordSet.sourceColumns().toArray(String[]::new);
        this.requiredIndexes = recordSet.requiredColumns().stream().mapToInt(column -> at(recordSet, column)).toArray();
        this.cooperativeIdIndex = at(recordSet, "cooperative_id");
        this.tableWidth = recordSet.table().columns().size();
        List<String> tableColumns = recordSet.table().columnNames();
        if (!tableColumns.subList(tableWidth - 3, tableWidth).equals(List.of("source_file", "source_line", "ingest_run"))) {
            throw new IllegalStateException(recordSet.table() + " does not end with its provenance columns");
        }
    }

    public RecordSet recordSet()
    {
        return recordSet;
    }

    /**
     * {@code source}: a row of {@link FieldRecordReader#schema} (extra columns after it are ignored).
     * Returns a row of {@link RecordRules#schema}: the table's columns, reasons, is_retry, raw_text, raw_values.
     */
    public Row check(Row source, String ingestRun, boolean isRetry)
    {
        String[] texts = new String[columns.length];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = FieldRules.text(source.getString(FieldRecordReader.VALUES_OFFSET + i));
        }
        Object[] output = new Object[tableWidth + 4];
        List<String> reasons = new ArrayList<>(4);
        for (int index : requiredIndexes) {
            if (texts[index] == null) {
                reasons.add(QuarantineReason.MISSING_REQUIRED.code(columns[index]));
            }
        }
        switch (recordSet) {
            case COOPERATIVES -> cooperative(texts, output, reasons);
            case MEMBERS -> member(texts, output, reasons);
            case TRAININGS -> training(texts, output, reasons);
            case COACHING -> coaching(texts, output, reasons);
        }
        if (knownCooperatives != null && texts[cooperativeIdIndex] != null && !knownCooperatives.contains(texts[cooperativeIdIndex])) {
            reasons.add(QuarantineReason.UNKNOWN_COOPERATIVE.code());
        }
        if (source.getBoolean(3)) {  // malformed
            reasons = List.of(QuarantineReason.MALFORMED_ROW.code());
        }
        else if (Boolean.TRUE.equals(source.get(4))) {  // rejected in the field tool's review: that reason alone
            reasons = List.of(QuarantineReason.REJECTED_IN_REVIEW.code());
        }
        // Provenance columns close every record set's table.
        output[tableWidth - 3] = source.getString(0);  // source_file
        output[tableWidth - 2] = source.getLong(1);    // source_line
        output[tableWidth - 1] = ingestRun;
        boolean invalid = !reasons.isEmpty();
        output[tableWidth] = invalid ? reasons.toArray(String[]::new) : NO_REASONS;
        output[tableWidth + 1] = isRetry;
        if (invalid) {
            output[tableWidth + 2] = source.getString(2);  // raw_text
            output[tableWidth + 3] = rawValues(source);
        }
        return RowFactory.create(output);
    }

    private void cooperative(String[] texts, Object[] output, List<String> reasons)
    {
        String district = texts[CooperativeSource.DISTRICT];
        String valueChain = texts[CooperativeSource.VALUE_CHAIN];
        String districtCode = fields.districtCode(district);
        String valueChainCode = fields.valueChain(valueChain);
        LocalDate formedOn = DateTexts.date(texts[CooperativeSource.FORMED_ON]);
        LocalDate appliedOn = DateTexts.date(texts[CooperativeSource.APPLIED_ON]);
        LocalDate registeredOn = DateTexts.date(texts[CooperativeSource.REGISTERED_ON]);
        LocalDate bdcLinkedOn = DateTexts.date(texts[CooperativeSource.BDC_LINKED_ON]);
        LocalDate unionAffiliatedOn = DateTexts.date(texts[CooperativeSource.UNION_AFFILIATED_ON]);
        Instant updatedAt = DateTexts.timestamp(texts[CooperativeSource.UPDATED_AT]);
        output[CooperativeTable.ID] = texts[CooperativeSource.ID];
        output[CooperativeTable.NAME] = texts[CooperativeSource.NAME];
        output[CooperativeTable.DISTRICT_CODE] = districtCode;
        output[CooperativeTable.SECTOR] = texts[CooperativeSource.SECTOR];
        output[CooperativeTable.VALUE_CHAIN] = valueChainCode;
        output[CooperativeTable.FORMED_ON] = formedOn;
        output[CooperativeTable.APPLIED_ON] = appliedOn;
        output[CooperativeTable.REGISTERED_ON] = registeredOn;
        output[CooperativeTable.RCA_CERTIFICATE_NO] = texts[CooperativeSource.RCA_CERTIFICATE_NO];
        output[CooperativeTable.BDC_LINKED_ON] = bdcLinkedOn;
        output[CooperativeTable.UNION_AFFILIATED_ON] = unionAffiliatedOn;
        output[CooperativeTable.UPDATED_AT] = updatedAt;

        reasonIf(reasons, district != null && districtCode == null, QuarantineReason.UNKNOWN_DISTRICT.code());
        reasonIf(reasons, valueChain != null && valueChainCode == null, QuarantineReason.UNKNOWN_VALUE_CHAIN.code());
        invalidDate(reasons, texts, CooperativeSource.FORMED_ON, formedOn);
        invalidDate(reasons, texts, CooperativeSource.APPLIED_ON, appliedOn);
        invalidDate(reasons, texts, CooperativeSource.REGISTERED_ON, registeredOn);
        invalidDate(reasons, texts, CooperativeSource.BDC_LINKED_ON, bdcLinkedOn);
        invalidDate(reasons, texts, CooperativeSource.UNION_AFFILIATED_ON, unionAffiliatedOn);
        invalidDate(reasons, texts, CooperativeSource.UPDATED_AT, updatedAt);
        inFuture(reasons, CooperativeSource.FORMED_ON, formedOn);
        inFuture(reasons, CooperativeSource.APPLIED_ON, appliedOn);
        inFuture(reasons, CooperativeSource.REGISTERED_ON, registeredOn);
        inFuture(reasons, CooperativeSource.BDC_LINKED_ON, bdcLinkedOn);
        inFuture(reasons, CooperativeSource.UNION_AFFILIATED_ON, unionAffiliatedOn);
        before(reasons, CooperativeSource.APPLIED_ON, appliedOn, formedOn);
        before(reasons, CooperativeSource.REGISTERED_ON, registeredOn, formedOn);
    }

    private void member(String[] texts, Object[] output, List<String> reasons)
    {
        String sexText = texts[MemberSource.SEX];
        String birthYearText = texts[MemberSource.BIRTH_YEAR];
        String disability = texts[MemberSource.DISABILITY];
        String sex = FieldRules.sex(sexText);
        Integer birthYear = FieldRules.integer(birthYearText);
        Boolean hasDisability = FieldRules.bool(disability);
        LocalDate joinedOn = DateTexts.date(texts[MemberSource.JOINED_ON]);
        LocalDate leftOn = DateTexts.date(texts[MemberSource.LEFT_ON]);
        Instant updatedAt = DateTexts.timestamp(texts[MemberSource.UPDATED_AT]);
        output[MemberTable.ID] = texts[MemberSource.ID];
        output[MemberTable.COOPERATIVE_ID] = texts[MemberSource.COOPERATIVE_ID];
        output[MemberTable.PERSON_KEY] = personKey.personKey(texts[MemberSource.NATIONAL_ID]);
        output[MemberTable.SEX] = sex;
        output[MemberTable.BIRTH_YEAR] = birthYear;
        output[MemberTable.HAS_DISABILITY] = hasDisability;
        output[MemberTable.JOINED_ON] = joinedOn;
        output[MemberTable.LEFT_ON] = leftOn;
        output[MemberTable.UPDATED_AT] = updatedAt;

        reasonIf(reasons, sexText != null && sex == null, INVALID_SEX);
        reasonIf(reasons, birthYearText != null && implausibleBirthYear(birthYear, joinedOn), INVALID_BIRTH_YEAR);
        reasonIf(reasons, disability != null && hasDisability == null, INVALID_DISABILITY);
        invalidDate(reasons, texts, MemberSource.JOINED_ON, joinedOn);
        invalidDate(reasons, texts, MemberSource.LEFT_ON, leftOn);
        invalidDate(reasons, texts, MemberSource.UPDATED_AT, updatedAt);
        inFuture(reasons, MemberSource.JOINED_ON, joinedOn);
        inFuture(reasons, MemberSource.LEFT_ON, leftOn);
        before(reasons, MemberSource.LEFT_ON, leftOn, joinedOn);
    }

    /** Outside 1920..the as-of year, or under 16 on joining counted in years (year of joining - birth year), as the indicators count age. */
    private boolean implausibleBirthYear(Integer birthYear, LocalDate joinedOn)
    {
        return birthYear == null || birthYear < 1920 || birthYear > asOf.getYear() || joinedOn != null && joinedOn.getYear() - birthYear < 16;
    }

    private void training(String[] texts, Object[] output, List<String> reasons)
    {
        LocalDate heldOn = DateTexts.date(texts[TrainingSource.HELD_ON]);
        String district = texts[TrainingSource.DISTRICT];
        String topicText = texts[TrainingSource.TOPIC];
        String roleText = texts[TrainingSource.ATTENDEE_ROLE];
        String districtCode = fields.districtCode(district);
        String topic = fields.topic(topicText);
        String role = roleText == null ? null : FieldRules.lower(roleText);
        String attendeeRole = role != null && ROLES.contains(role) ? role : null;
        Instant updatedAt = DateTexts.timestamp(texts[TrainingSource.UPDATED_AT]);
        output[TrainingTable.SESSION_ID] = texts[TrainingSource.SESSION_ID];
        output[TrainingTable.HELD_ON] = heldOn;
        output[TrainingTable.DISTRICT_CODE] = districtCode;
        output[TrainingTable.TOPIC] = topic;
        output[TrainingTable.COOPERATIVE_ID] = texts[TrainingSource.COOPERATIVE_ID];
        output[TrainingTable.MEMBER_ID] = texts[TrainingSource.MEMBER_ID];
        output[TrainingTable.ATTENDEE_ROLE] = attendeeRole;
        output[TrainingTable.UPDATED_AT] = updatedAt;

        reasonIf(reasons, district != null && districtCode == null, QuarantineReason.UNKNOWN_DISTRICT.code());
        reasonIf(reasons, topicText != null && topic == null, QuarantineReason.UNKNOWN_TOPIC.code());
        reasonIf(reasons, roleText != null && attendeeRole == null, INVALID_ATTENDEE_ROLE);
        invalidDate(reasons, texts, TrainingSource.HELD_ON, heldOn);
        invalidDate(reasons, texts, TrainingSource.UPDATED_AT, updatedAt);
        inFuture(reasons, TrainingSource.HELD_ON, heldOn);
    }

    private void coaching(String[] texts, Object[] output, List<String> reasons)
    {
        LocalDate visitedOn = DateTexts.date(texts[CoachingSource.VISITED_ON]);
        List<String> topics = fields.topicList(texts[CoachingSource.TOPICS]);
        String scoreText = texts[CoachingSource.MATURITY_SCORE];
        Integer score = FieldRules.integer(scoreText);
        LocalDate followUpDue = DateTexts.date(texts[CoachingSource.FOLLOW_UP_DUE]);
        Instant updatedAt = DateTexts.timestamp(texts[CoachingSource.UPDATED_AT]);
        output[CoachingTable.VISIT_ID] = texts[CoachingSource.VISIT_ID];
        output[CoachingTable.COOPERATIVE_ID] = texts[CoachingSource.COOPERATIVE_ID];
        output[CoachingTable.VISITED_ON] = visitedOn;
        output[CoachingTable.TOPICS] = topics == null ? null : topics.toArray(String[]::new);
        output[CoachingTable.MATURITY_SCORE] = score;
        output[CoachingTable.FOLLOW_UP_DUE] = followUpDue;
        output[CoachingTable.UPDATED_AT] = updatedAt;

        reasonIf(reasons, FieldRules.hasUnknownTopic(topics), QuarantineReason.UNKNOWN_TOPIC.code());
        reasonIf(reasons, scoreText != null && (score == null || score < 0 || score > 100), INVALID_MATURITY_SCORE);
        invalidDate(reasons, texts, CoachingSource.VISITED_ON, visitedOn);
        invalidDate(reasons, texts, CoachingSource.FOLLOW_UP_DUE, followUpDue);
        invalidDate(reasons, texts, CoachingSource.UPDATED_AT, updatedAt);
        // follow_up_due is a plan: it may lie after the as-of date.
        inFuture(reasons, CoachingSource.VISITED_ON, visitedOn);
    }

    private static void reasonIf(List<String> reasons, boolean condition, String reason)
    {
        if (condition) {
            reasons.add(reason);
        }
    }

    private void invalidDate(List<String> reasons, String[] texts, int index, Object value)
    {
        reasonIf(reasons, texts[index] != null && value == null, QuarantineReason.INVALID_DATE.code(columns[index]));
    }

    private void inFuture(List<String> reasons, int index, LocalDate value)
    {
        reasonIf(reasons, value != null && value.isAfter(asOf), QuarantineReason.DATE_IN_FUTURE.code(columns[index]));
    }

    private void before(List<String> reasons, int index, LocalDate value, LocalDate earliest)
    {
        reasonIf(reasons, value != null && earliest != null && value.isBefore(earliest), QuarantineReason.DATE_ORDER.code(columns[index]));
    }

    /** Source column -> raw value as read (untrimmed), for the values present, in the record set's column order. */
    private scala.collection.Map<String, String> rawValues(Row source)
    {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.length; i++) {
            String value = source.getString(FieldRecordReader.VALUES_OFFSET + i);
            if (value != null) {
                values.put(columns[i], value);
            }
        }
        return scala.jdk.javaapi.CollectionConverters.asScala(values);
    }

    /** Positions of the source columns ({@link RecordSet#sourceColumns}) the rules read, looked up by name once. */
    private static final class CooperativeSource
    {
        static final int ID = at(RecordSet.COOPERATIVES, "cooperative_id");
        static final int NAME = at(RecordSet.COOPERATIVES, "cooperative_name");
        static final int DISTRICT = at(RecordSet.COOPERATIVES, "district");
        static final int SECTOR = at(RecordSet.COOPERATIVES, "sector");
        static final int VALUE_CHAIN = at(RecordSet.COOPERATIVES, "value_chain");
        static final int FORMED_ON = at(RecordSet.COOPERATIVES, "formed_on");
        static final int APPLIED_ON = at(RecordSet.COOPERATIVES, "applied_on");
        static final int REGISTERED_ON = at(RecordSet.COOPERATIVES, "registered_on");
        static final int RCA_CERTIFICATE_NO = at(RecordSet.COOPERATIVES, "rca_certificate_no");
        static final int BDC_LINKED_ON = at(RecordSet.COOPERATIVES, "bdc_linked_on");
        static final int UNION_AFFILIATED_ON = at(RecordSet.COOPERATIVES, "union_affiliated_on");
        static final int UPDATED_AT = at(RecordSet.COOPERATIVES, "updated_at");
    }

    private static final class MemberSource
    {
        static final int ID = at(RecordSet.MEMBERS, "member_id");
        static final int COOPERATIVE_ID = at(RecordSet.MEMBERS, "cooperative_id");
        static final int NATIONAL_ID = at(RecordSet.MEMBERS, "national_id");
        static final int SEX = at(RecordSet.MEMBERS, "sex");
        static final int BIRTH_YEAR = at(RecordSet.MEMBERS, "birth_year");
        static final int DISABILITY = at(RecordSet.MEMBERS, "disability");
        static final int JOINED_ON = at(RecordSet.MEMBERS, "joined_on");
        static final int LEFT_ON = at(RecordSet.MEMBERS, "left_on");
        static final int UPDATED_AT = at(RecordSet.MEMBERS, "updated_at");
    }

    private static final class TrainingSource
    {
        static final int SESSION_ID = at(RecordSet.TRAININGS, "session_id");
        static final int HELD_ON = at(RecordSet.TRAININGS, "held_on");
        static final int DISTRICT = at(RecordSet.TRAININGS, "district");
        static final int TOPIC = at(RecordSet.TRAININGS, "topic");
        static final int COOPERATIVE_ID = at(RecordSet.TRAININGS, "cooperative_id");
        static final int MEMBER_ID = at(RecordSet.TRAININGS, "member_id");
        static final int ATTENDEE_ROLE = at(RecordSet.TRAININGS, "attendee_role");
        static final int UPDATED_AT = at(RecordSet.TRAININGS, "updated_at");
    }

    private static final class CoachingSource
    {
        static final int VISIT_ID = at(RecordSet.COACHING, "visit_id");
        static final int COOPERATIVE_ID = at(RecordSet.COACHING, "cooperative_id");
        static final int VISITED_ON = at(RecordSet.COACHING, "visited_on");
        static final int TOPICS = at(RecordSet.COACHING, "topics");
        static final int MATURITY_SCORE = at(RecordSet.COACHING, "maturity_score");
        static final int FOLLOW_UP_DUE = at(RecordSet.COACHING, "follow_up_due");
        static final int UPDATED_AT = at(RecordSet.COACHING, "updated_at");
    }

    /** Positions of the layout table's columns ({@link Table#columnNames}) the rules write, looked up by name once. */
    private static final class CooperativeTable
    {
        static final int ID = column(Table.COOPERATIVES, "cooperative_id");
        static final int NAME = column(Table.COOPERATIVES, "cooperative_name");
        static final int DISTRICT_CODE = column(Table.COOPERATIVES, "district_code");
        static final int SECTOR = column(Table.COOPERATIVES, "sector");
        static final int VALUE_CHAIN = column(Table.COOPERATIVES, "value_chain");
        static final int FORMED_ON = column(Table.COOPERATIVES, "formed_on");
        static final int APPLIED_ON = column(Table.COOPERATIVES, "applied_on");
        static final int REGISTERED_ON = column(Table.COOPERATIVES, "registered_on");
        static final int RCA_CERTIFICATE_NO = column(Table.COOPERATIVES, "rca_certificate_no");
        static final int BDC_LINKED_ON = column(Table.COOPERATIVES, "bdc_linked_on");
        static final int UNION_AFFILIATED_ON = column(Table.COOPERATIVES, "union_affiliated_on");
        static final int UPDATED_AT = column(Table.COOPERATIVES, "updated_at");
    }

    private static final class MemberTable
    {
        static final int ID = column(Table.MEMBERS, "member_id");
        static final int COOPERATIVE_ID = column(Table.MEMBERS, "cooperative_id");
        static final int PERSON_KEY = column(Table.MEMBERS, "person_key");
        static final int SEX = column(Table.MEMBERS, "sex");
        static final int BIRTH_YEAR = column(Table.MEMBERS, "birth_year");
        static final int HAS_DISABILITY = column(Table.MEMBERS, "has_disability");
        static final int JOINED_ON = column(Table.MEMBERS, "joined_on");
        static final int LEFT_ON = column(Table.MEMBERS, "left_on");
        static final int UPDATED_AT = column(Table.MEMBERS, "updated_at");
    }

    private static final class TrainingTable
    {
        static final int SESSION_ID = column(Table.TRAININGS, "session_id");
        static final int HELD_ON = column(Table.TRAININGS, "held_on");
        static final int DISTRICT_CODE = column(Table.TRAININGS, "district_code");
        static final int TOPIC = column(Table.TRAININGS, "topic");
        static final int COOPERATIVE_ID = column(Table.TRAININGS, "cooperative_id");
        static final int MEMBER_ID = column(Table.TRAININGS, "member_id");
        static final int ATTENDEE_ROLE = column(Table.TRAININGS, "attendee_role");
        static final int UPDATED_AT = column(Table.TRAININGS, "updated_at");
    }

    private static final class CoachingTable
    {
        static final int VISIT_ID = column(Table.COACHING, "visit_id");
        static final int COOPERATIVE_ID = column(Table.COACHING, "cooperative_id");
        static final int VISITED_ON = column(Table.COACHING, "visited_on");
        static final int TOPICS = column(Table.COACHING, "topics");
        static final int MATURITY_SCORE = column(Table.COACHING, "maturity_score");
        static final int FOLLOW_UP_DUE = column(Table.COACHING, "follow_up_due");
        static final int UPDATED_AT = column(Table.COACHING, "updated_at");
    }

    private static int column(Table table, String column)
    {
        int index = table.columnNames().indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException(table.tableName() + " has no column " + column);
        }
        return index;
    }

    private static int at(RecordSet recordSet, String column)
    {
        int index = recordSet.sourceColumns().indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException(recordSet.datasetName() + " has no column " + column);
        }
        return index;
    }
}
