package org.jijukirwa.warehouse.cooperative;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.jijukirwa.warehouse.cooperative.CooperativeProfile.CoachingVisit;
import org.jijukirwa.warehouse.cooperative.CooperativeProfile.FunnelStep;
import org.jijukirwa.warehouse.cooperative.CooperativeProfile.MemberCount;
import org.jijukirwa.warehouse.cooperative.CooperativeProfile.TrainingAttended;
import org.jijukirwa.warehouse.indicator.Dimension;

/** The JSON of the cooperative endpoints (interfaces.md), snake_case keys as the SQL columns; an absent value is null. */
public final class CooperativeJson
{
    private static final JsonFactory FACTORY = new JsonFactory();

    private CooperativeJson()
    {
    }

    /** GET /api/v1/cooperatives?q=: {snapshot, q, limit, rows: [{cooperative_id, name, province, district, value_chain}]}. */
    public static byte[] search(String snapshotId, CooperativeSearch search, List<CooperativeSummary> found)
    {
        return write(json -> {
            json.writeStringField("snapshot", snapshotId);
            json.writeStringField("q", search.text());
            json.writeNumberField("limit", search.limit());
            json.writeArrayFieldStart("rows");
            for (CooperativeSummary cooperative : found) {
                json.writeStartObject();
                summaryFields(json, cooperative);
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    /** GET /api/v1/cooperatives/{id}. */
    public static byte[] profile(CooperativeProfile profile)
    {
        return write(json -> {
            json.writeStringField("snapshot", profile.snapshotId());
            json.writeStringField("as_of", profile.asOf().toString());
            summaryFields(json, profile.cooperative());
            text(json, "value_chain_label", profile.valueChainLabel());
            json.writeArrayFieldStart("funnel");
            for (FunnelStep step : profile.funnel()) {
                json.writeStartObject();
                json.writeStringField("step", step.step());
                date(json, "reached_on", step.reachedOn());
                number(json, "days_since_previous", step.daysSincePrevious());
                number(json, "days_since_formed", step.daysSinceFormed());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("trainings");
            for (TrainingAttended training : profile.trainings()) {
                json.writeStartObject();
                json.writeStringField("session_id", training.sessionId());
                json.writeStringField("held_on", training.heldOn().toString());
                json.writeStringField("topic", training.topic());
                json.writeStringField("topic_label", training.topicLabel());
                text(json, "session_district", training.sessionDistrict());
                if (training.attendeeCount().isPresent()) {
                    json.writeNumberField("attendees", training.attendeeCount().getAsLong());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("visits");
            for (CoachingVisit visit : profile.visits()) {
                json.writeStartObject();
                json.writeStringField("visit_id", visit.visitId());
                json.writeStringField("visited_on", visit.visitedOn().toString());
                if (visit.maturityScore().isPresent()) {
                    json.writeNumberField("maturity_score", visit.maturityScore().get());
                }
                else {
                    json.writeNullField("maturity_score");
                }
                json.writeArrayFieldStart("topics");
                for (String topic : visit.topics()) {
                    json.writeString(topic);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            date(json, "last_visited_on", profile.lastVisitedOn());
            json.writeObjectFieldStart("stuck");
            json.writeNumberField(StuckRule.UNREGISTERED_DAYS, profile.stuck().rule().unregisteredDays());
            json.writeNumberField(StuckRule.UNVISITED_DAYS, profile.stuck().rule().unvisitedDays());
            json.writeBooleanField("is_unregistered", profile.stuck().isUnregistered());
            json.writeBooleanField("is_unvisited", profile.stuck().isUnvisited());
            json.writeEndObject();
            json.writeBooleanField("member_counts_shown", profile.members().isPresent());
            if (profile.members().isPresent()) {
                json.writeArrayFieldStart("members");
                for (MemberCount count : profile.members().get()) {
                    json.writeStartObject();
                    json.writeStringField("counted_on", count.countedOn().toString());
                    json.writeNumberField("members_active", count.total());
                    counts(json, "by_sex", count.bySex(), List.of("F", "M", "U"));
                    counts(json, "by_age_band", count.byAgeBand(), List.of("16-30", "31-45", "46-60", "61+", "unknown"));
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
        });
    }

    /** GET /api/v1/cooperative-list. */
    public static byte[] list(CooperativeList list)
    {
        return write(json -> {
            CooperativeListQuery query = list.query();
            json.writeStringField("snapshot", list.snapshotId());
            json.writeStringField("as_of", list.asOf().toString());
            json.writeStringField("stage", query.stage());
            json.writeStringField("sort", query.sort());
            json.writeStringField("order", query.isDescending() ? "desc" : "asc");
            json.writeNumberField(StuckRule.UNREGISTERED_DAYS, query.rule().unregisteredDays());
            json.writeNumberField(StuckRule.UNVISITED_DAYS, query.rule().unvisitedDays());
            json.writeObjectFieldStart("filters");
            for (Dimension dimension : CooperativeListQuery.PLACES) {
                List<String> values = query.places().get(dimension);
                if (values != null) {
                    json.writeArrayFieldStart(dimension.parameterName());
                    for (String value : values) {
                        json.writeString(value);
                    }
                    json.writeEndArray();
                }
            }
            json.writeEndObject();
            json.writeNumberField("total", list.total());
            json.writeBooleanField("truncated", list.isTruncated());
            json.writeArrayFieldStart("rows");
            for (CooperativeList.Entry entry : list.rows()) {
                json.writeStartObject();
                List<String> values = CooperativeListCsv.values(entry);
                for (int index = 0; index < CooperativeListCsv.COLUMNS.size(); index++) {
                    String column = CooperativeListCsv.COLUMNS.get(index);
                    String value = values.get(index);
                    if (value == null) {
                        json.writeNullField(column);
                    }
                    else if (CooperativeListCsv.NUMBERS.contains(column)) {
                        json.writeNumberField(column, Long.parseLong(value));
                    }
                    else if (CooperativeListCsv.FLAGS.contains(column)) {
                        json.writeBooleanField(column, Boolean.parseBoolean(value));
                    }
                    else {
                        json.writeStringField(column, value);
                    }
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    private static void summaryFields(JsonGenerator json, CooperativeSummary cooperative)
            throws IOException
    {
        json.writeStringField("cooperative_id", cooperative.cooperativeId());
        text(json, "name", cooperative.name());
        text(json, "province", cooperative.province());
        text(json, "district", cooperative.district());
        json.writeStringField("value_chain", cooperative.valueChain());
    }

    private static void counts(JsonGenerator json, String field, Map<String, Long> counts, List<String> keys)
            throws IOException
    {
        json.writeObjectFieldStart(field);
        for (String key : keys) {
            json.writeNumberField(key, counts.getOrDefault(key, 0L));
        }
        json.writeEndObject();
    }

    private static void text(JsonGenerator json, String field, Optional<String> value)
            throws IOException
    {
        if (value.isPresent()) {
            json.writeStringField(field, value.get());
        }
        else {
            json.writeNullField(field);
        }
    }

    private static void date(JsonGenerator json, String field, Optional<LocalDate> value)
            throws IOException
    {
        text(json, field, value.map(LocalDate::toString));
    }

    private static void number(JsonGenerator json, String field, OptionalLong value)
            throws IOException
    {
        if (value.isPresent()) {
            json.writeNumberField(field, value.getAsLong());
        }
        else {
            json.writeNullField(field);
        }
    }

    @FunctionalInterface
    private interface Fields
    {
        void write(JsonGenerator json)
                throws IOException;
    }

    private static byte[] write(Fields fields)
    {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (JsonGenerator json = FACTORY.createGenerator(output, JsonEncoding.UTF8)) {
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return output.toByteArray();
    }
}
