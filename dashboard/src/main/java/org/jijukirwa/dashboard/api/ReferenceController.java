package org.jijukirwa.dashboard.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jijukirwa.warehouse.Warehouse;

/** The reference data of the served snapshot (editable, copied into every snapshot): anyone may read it. */
@Controller("/api/v1/reference")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "reference")
public final class ReferenceController
{
    private final Warehouse warehouse;

    public ReferenceController(Warehouse warehouse)
    {
        this.warehouse = warehouse;
    }

    @Get
    @Operation(summary = "The reference data of the served snapshot",
            description = "Provinces in NISR order with their districts (English names and NISR codes), value chains and training topics "
                    + "(code and English label, in the order of the reference files), the sex codes and age bands of the member dimensions, "
                    + "and the targets (a null district is a programme-wide target). These are the values the indicator filters accept. "
                    + "small_cell_threshold is k: the public counts of indicators that count persons are rounded to multiples of k (docs/disclosure.md).")
    @ApiResponse(responseCode = "200", description = "The reference data.", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ReferenceResponse.class),
            examples = @ExampleObject(value = "{\"snapshot\": \"20200701T000000Z-3f9a1c\", \"provinces\": [{\"province\": \"Kigali City\", "
                    + "\"province_code\": \"1\", \"districts\": [{\"district\": \"Nyarugenge\", \"district_code\": \"11\"}]}], "
                    + "\"value_chains\": [{\"value_chain\": \"tailoring\", \"label\": \"Tailoring and garment making\"}], "
                    + "\"topics\": [{\"topic\": \"governance\", \"label\": \"Governance\"}], \"sexes\": [\"F\", \"M\", \"U\"], "
                    + "\"age_bands\": [\"16-30\", \"31-45\", \"46-60\", \"61+\", \"unknown\"], "
                    + "\"targets\": [{\"target\": \"coops_formed\", \"district\": \"Nyarugenge\", \"district_code\": \"11\", \"value\": 29.0}, "
                    + "{\"target\": \"coops_registered\", \"district\": null, \"district_code\": null, \"value\": 214.0}], "
                    + "\"small_cell_threshold\": 5}")))
    @ApiResponse(responseCode = "503", ref = "#/components/responses/NothingPublished")
    @ApiResponse(responseCode = "500", ref = "#/components/responses/Unexpected")
    public ReferenceResponse reference()
    {
        return ReferenceResponse.from(warehouse.reference(), warehouse.suppressionThreshold());
    }
}
