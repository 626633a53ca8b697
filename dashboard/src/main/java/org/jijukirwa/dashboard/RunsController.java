package org.jijukirwa.dashboard;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import org.jijukirwa.warehouse.RunReport;
import org.jijukirwa.warehouse.Warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The ingest runs' reports, newest first: for managers only. */
@Controller("/api/v1/runs")
@Secured(UserAccount.MANAGER)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class RunsController
{
    private final Warehouse warehouse;
    private final JsonMapper jsonMapper;

    public RunsController(Warehouse warehouse, JsonMapper jsonMapper)
    {
        this.warehouse = warehouse;
        this.jsonMapper = jsonMapper;
    }

    @Get
    public List<RunSummary> runs()
    {
        return warehouse.runs().stream().map(this::summary).toList();
    }

    private RunSummary summary(RunReport run)
    {
        // the warehouse keeps the report as the ingest wrote it; it passes through unchanged
        try {
            JsonNode report = jsonMapper.readValue(run.report().toString().getBytes(StandardCharsets.UTF_8), JsonNode.class);
            return new RunSummary(run.snapshotId(), report);
        }
        catch (IOException e) {
            throw new UncheckedIOException("run report of " + run.snapshotId() + " is not JSON", e);
        }
    }
}
