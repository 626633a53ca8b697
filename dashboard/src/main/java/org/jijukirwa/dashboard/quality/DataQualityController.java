package org.jijukirwa.dashboard.quality;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jijukirwa.dashboard.api.RequestParameters;
import org.jijukirwa.dashboard.security.Audiences;
import org.jijukirwa.warehouse.NoSnapshotException;
import org.jijukirwa.warehouse.Warehouse;
import org.jijukirwa.warehouse.answer.Audience;
import org.jijukirwa.warehouse.quarantine.DistrictQuality;
import org.jijukirwa.warehouse.quarantine.QualityPeriod;
import org.jijukirwa.warehouse.quarantine.QuarantinePage;
import org.jijukirwa.warehouse.quarantine.QuarantineQuery;
import org.jijukirwa.warehouse.snapshot.ReferenceList;
import org.jijukirwa.warehouse.snapshot.RunReport;
import org.jijukirwa.warehouse.snapshot.SnapshotInfo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How complete the served figures are: rows accepted and rejected per dataset, and the reasons of the rejections.
 * Public, because it holds counts only; the rejected rows themselves (personal data) stay behind the admin-only
 * quarantine. The per-dataset counts are over the snapshot; the per-district ones over a period (from, to), each row dated
 * and placed as docs/interfaces.md ("Data quality") says. District rows of members and trainings count people finer
 * than the disclosure rule lets the public see: managers only.
 */
@Controller("/api/v1/data-quality")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "quality")
public final class DataQualityController
{
    static final List<String> DATASETS = List.of("cooperatives", "members", "trainings", "coaching");

    private final Warehouse warehouse;

    public DataQualityController(Warehouse warehouse)
    {
        this.warehouse = warehouse;
    }

    @Get
    @Operation(summary = "Rows accepted and rejected per dataset, and per dataset and district in a period",
            description = "For each dataset of the served snapshot: the rows accepted (its current records, from the run report), the rows "
                    + "rejected and held in the quarantine, and the rejected rows per reason code, most frequent first (a row with two "
                    + "reasons counts under both). Then, for the period from..to (both included, default the whole range): per dataset and "
                    + "district, the rows accepted and rejected in the period, the share rejected and the three most frequent reasons. A row "
                    + "is in the period by its own date (formed_on, joined_on, held_on, visited_on) where that parses, else by its run's "
                    + "date; a rejected row's district is its district field (cooperatives, trainings) or its cooperative's (members, "
                    + "coaching), else the unknown bucket (district_code null). The district rows of members and trainings count people "
                    + "unrounded: managers only, and withheld names them for the public. Counts only: the rejected rows hold personal "
                    + "data and are served to admins only, by GET /api/v1/quarantine.")
    @Parameter(name = QualityPeriod.FROM, in = ParameterIn.QUERY, description = "The period's first day, yyyy-MM-dd (default 1900-01-01).",
            schema = @Schema(type = "string", format = "date"), example = "2020-10-01")
    @Parameter(name = QualityPeriod.TO, in = ParameterIn.QUERY, description = "The period's last day, yyyy-MM-dd (default 2100-12-31); not before from.",
            schema = @Schema(type = "string", format = "date"), example = "2020-12-31")
    @ApiResponse(responseCode = "200", description = "The counts.", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DataQualityResponse.class),
            examples = @ExampleObject(value = "{\"snapshot\": \"20200701T000000Z-3f9a1c\", \"as_of\": \"2020-06-30\", \"datasets\": ["
                    + "{\"dataset\": \"cooperatives\", \"accepted_rows\": 29, \"rejected_rows\": 2, \"reasons\": "
                    + "[{\"reason\": \"unknown_district\", \"rows\": 1}, {\"reason\": \"invalid_date:formed_on\", \"rows\": 1}]}], "
                    + "\"from\": \"2020-04-01\", \"to\": \"2020-06-30\", \"districts\": [{\"dataset\": \"cooperatives\", "
                    + "\"district_code\": \"12\", \"district\": \"Gasabo\", \"province_code\": \"1\", \"province\": \"Kigali City\", "
                    + "\"accepted_rows\": 3, \"rejected_rows\": 1, \"rejected_share\": 0.25, \"reasons\": "
                    + "[{\"reason\": \"invalid_date:formed_on\", \"rows\": 1}]}], \"withheld\": [\"members\", \"trainings\"]}")))
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadDataQualityPeriod")
    @ApiResponse(responseCode = "503", ref = "#/components/responses/NothingPublished")
    public DataQualityResponse dataQuality(HttpRequest<?> request, @Nullable Authentication authentication)
    {
        QualityPeriod period = QualityPeriod.parse(RequestParameters.raw(request.getParameters()));
        Audience audience = Audiences.of(authentication);
        SnapshotInfo snapshot = warehouse.snapshot().orElseThrow(NoSnapshotException::new);
        Optional<JsonNode> report = warehouse.runs().stream().filter(run -> run.snapshotId().equals(snapshot.id())).findFirst().map(RunReport::report);
        List<DataQualityResponse.Dataset> datasets = DATASETS.stream().map(dataset -> {
            QuarantinePage page = warehouse.quarantine(new QuarantineQuery(Optional.of(dataset), Optional.empty(), Optional.empty(), 1, 0));
            long accepted = report.map(node -> node.path("datasets").path(dataset).path("current_keys").asLong(0)).orElse(0L);
            // the counts are per source file: summed by reason (a row is in one file)
            Map<String, Long> byReason = page.counts().stream()
                    .filter(count -> count.dataset().equals(dataset))
                    .collect(Collectors.groupingBy(QuarantinePage.Count::reason, Collectors.summingLong(QuarantinePage.Count::rows)));
            List<DataQualityResponse.Reason> reasons = byReason.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .map(count -> new DataQualityResponse.Reason(count.getKey(), count.getValue()))
                    .toList();
            return new DataQualityResponse.Dataset(dataset, accepted, page.total(), reasons);
        }).toList();
        List<DataQualityResponse.District> districts = districts(warehouse.dataQuality(period, audience), warehouse.reference());
        List<String> withheld = audience == Audience.MANAGER ? List.of() : DATASETS.stream().filter(Warehouse.PERSON_DATASETS::contains).toList();
        return new DataQualityResponse(snapshot.id(), snapshot.asOf().toString(), datasets, period.from().toString(), period.to().toString(),
                districts, withheld);
    }

    private static List<DataQualityResponse.District> districts(List<DistrictQuality> rows, ReferenceList reference)
    {
        Map<String, ReferenceList.District> districts = new HashMap<>();
        Map<String, ReferenceList.Province> provinces = new HashMap<>();
        for (ReferenceList.Province province : reference.provinces()) {
            for (ReferenceList.District district : province.districts()) {
                districts.put(district.code(), district);
                provinces.put(district.code(), province);
            }
        }
        return rows.stream().map(row -> {
            String code = row.districtCode().orElse(null);
            ReferenceList.District district = code == null ? null : districts.get(code);
            ReferenceList.Province province = code == null ? null : provinces.get(code);
            return new DataQualityResponse.District(row.dataset(), code, district == null ? null : district.name(),
                    province == null ? null : province.code(), province == null ? null : province.name(), row.acceptedRows(), row.rejectedRows(),
                    row.rejectedShare().orElse(null),
                    row.reasons().stream().map(reason -> new DataQualityResponse.Reason(reason.reason(), reason.rows())).toList());
        }).toList();
    }
}
