package org.jijukirwa.dashboard.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.jijukirwa.warehouse.snapshot.ReferenceList;

import java.util.List;

/**
 * GET /api/v1/reference: the served snapshot's reference data, keyed like the SQL columns, and k of the public view
 * (its counts of people are rounded to multiples of k, docs/disclosure.md).
 */
@Serdeable
public record ReferenceResponse(
        String snapshot,
        List<Province> provinces,
        @JsonProperty("value_chains") List<ValueChain> valueChains,
        List<Topic> topics,
        List<String> sexes,
        @JsonProperty("age_bands") List<String> ageBands,
        List<Target> targets,
        @JsonProperty("small_cell_threshold") int smallCellThreshold)
{
    public static ReferenceResponse from(ReferenceList reference, int smallCellThreshold)
    {
        return new ReferenceResponse(
                reference.snapshot(),
                reference.provinces().stream().map(province -> new Province(province.name(), province.code(),
                        province.districts().stream().map(district -> new District(district.name(), district.code())).toList())).toList(),
                reference.valueChains().stream().map(valueChain -> new ValueChain(valueChain.code(), valueChain.label())).toList(),
                reference.topics().stream().map(topic -> new Topic(topic.code(), topic.label())).toList(),
                reference.sexes(),
                reference.ageBands(),
                reference.targets().stream().map(target -> new Target(target.target(),
                        target.district().map(ReferenceList.District::name).orElse(null),
                        target.district().map(ReferenceList.District::code).orElse(null),
                        target.value())).toList(),
                smallCellThreshold);
    }

    @Serdeable
    public record Province(String province, @JsonProperty("province_code") String provinceCode, List<District> districts)
    {
    }

    @Serdeable
    public record District(String district, @JsonProperty("district_code") String districtCode)
    {
    }

    @Serdeable
    public record ValueChain(@JsonProperty("value_chain") String valueChain, String label)
    {
    }

    @Serdeable
    public record Topic(String topic, String label)
    {
    }

    /** A target; district and district_code are null for a programme-wide one. */
    @Serdeable
    public record Target(String target, @Nullable String district, @Nullable @JsonProperty("district_code") String districtCode, double value)
    {
    }
}
