package org.jijukirwa.dashboard.quality;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jijukirwa.warehouse.NoSnapshotException;
import org.jijukirwa.warehouse.Warehouse;
import org.jijukirwa.warehouse.quarantine.QuarantinePage;
import org.jijukirwa.warehouse.quarantine.QuarantineQuery;
import org.jijukirwa.warehouse.snapshot.RunReport;
import org.jijukirwa.warehouse.snapshot.SnapshotInfo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How complete the served figures are: rows accepted and rejected per dataset, and the reasons of the rejections.
 * Public, because it holds counts only; the rejected rows themselves (personal data) stay behind the admin-only
 * quarantine. The counts are over the snapshot, not a period: a rejected row's dates are often what is wrong with it.
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
    @Operation(summary = "Rows accepted and rejected per dataset",
            description = "For each dataset of the served snapshot: the rows accepted (its current records, from the run report), the rows "
                    + "rejected and held in the quarantine, and the rejected rows per reason code, most frequent first (a row with two "
                    + "reasons counts under both). Counts only: the rejected rows hold personal data and are served to admins only, by "
                    + "GET /api/v1/quarantine.")
    @ApiResponse(responseCode = "200", description = "The counts.", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DataQualityResponse.class),
            examples = @ExampleObject(value = "{\"snapshot\": \"20200701T000000Z-3f9a1c\", \"as_of\": \"2020-06-30\", \"datasets\": ["
                    + "{\"dataset\": \"cooperatives\", \"accepted_rows\": 29, \"rejected_rows\": 2, \"reasons\": "
                    + "[{\"reason\": \"unknown_district\", \"rows\": 1}, {\"reason\": \"invalid_date:formed_on\", \"rows\": 1}]}]}")))
    @ApiResponse(responseCode = "503", ref = "#/components/responses/NothingPublished")
    public DataQualityResponse dataQuality()
    {
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
        return new DataQualityResponse(snapshot.id(), snapshot.asOf().toString(), datasets);
    }
}
