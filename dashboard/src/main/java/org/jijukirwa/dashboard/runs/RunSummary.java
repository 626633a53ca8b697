package org.jijukirwa.dashboard.runs;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

/** One entry of GET /api/v1/runs: the snapshot a run published and its report as the ingest wrote it. */
@Serdeable
public record RunSummary(String snapshot, JsonNode report)
{
}
