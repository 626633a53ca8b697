package org.jijukirwa.dashboard.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jijukirwa.dashboard.docs.ApiDescription;
import org.jijukirwa.dashboard.security.UserAccount;
import org.jijukirwa.warehouse.indicator.InvalidParameterException;

import java.util.List;

/** {@code GET /api/v1/audit?limit=}: the newest entries of the audit log, for admins; never cached. */
@Controller("/api/v1/audit")
@Secured(UserAccount.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "audit")
public final class AuditController
{
    static final String LIMIT = "limit";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;

    private final AuditLog log;

    public AuditController(AuditLog log)
    {
        this.log = log;
    }

    /** The answer: the limit applied and the entries, newest first. */
    @Serdeable
    public record AuditResponse(int limit, List<AuditEntry> entries)
    {
    }

    @Get
    @Operation(summary = "The audit log, newest first",
            description = "Who did what and when: sign-ins (form and Basic auth, failures included), sign-outs, quarantine views, "
                    + "downloads of unsuppressed exports, uploads and runs. Admins only.")
    @SecurityRequirement(name = ApiDescription.BASIC_AUTHENTICATION)
    @Parameter(name = LIMIT, in = ParameterIn.QUERY, ref = "#/components/parameters/audit_limit")
    @ApiResponse(responseCode = "200", description = "The newest entries.", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AuditResponse.class),
            examples = @ExampleObject(value = "{\"limit\": 100, \"entries\": [{\"at\": \"2026-12-04T01:02:03.456Z\", \"user\": \"maria\", "
                    + "\"address\": \"10.0.0.7\", \"action\": \"sign-in\", \"detail\": \"sign-in form\"}]}")))
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadAuditLimit")
    @ApiResponse(responseCode = "401", ref = "#/components/responses/SignInNeeded")
    @ApiResponse(responseCode = "403", ref = "#/components/responses/NotAllowed")
    @ApiResponse(responseCode = "500", ref = "#/components/responses/Unexpected")
    public HttpResponse<AuditResponse> newest(HttpRequest<?> request)
    {
        for (String name : request.getParameters().names()) {
            if (!LIMIT.equals(name)) {
                throw new InvalidParameterException(name, "Unknown parameter " + name + ": the audit log takes only limit.");
            }
        }
        int limit = limit(request.getParameters().get(LIMIT));
        return HttpResponse.ok(new AuditResponse(limit, log.newest(limit))).header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }

    private static int limit(@Nullable String text)
    {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        }
        catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw new InvalidParameterException(LIMIT, "limit must be a whole number from 1 to " + MAX_LIMIT + ", not '" + text + "'.");
    }
}
