package org.jijukirwa.dashboard.targets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jijukirwa.dashboard.audit.AuditLog;
import org.jijukirwa.dashboard.docs.ApiDescription;
import org.jijukirwa.dashboard.errors.ApiError;
import org.jijukirwa.dashboard.security.UserAccount;
import org.jijukirwa.warehouse.NoSnapshotException;
import org.jijukirwa.warehouse.Warehouse;
import org.jijukirwa.warehouse.snapshot.ReferenceList;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The programme's targets: managers read them, admins replace them (PUT: the whole set). An edit is stored in the
 * inbox ({@link TargetStore}) with an audit entry {@code targets-edited}, and applies from the next ingest run, which
 * loads it with the bundled reference tables.
 */
@Controller("/api/v1/targets")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "targets")
public final class TargetsController
{
    private final TargetStore store;
    private final TargetRules rules;
    private final BundledReference bundled;
    private final Warehouse warehouse;
    private final AuditLog auditLog;

    public TargetsController(TargetStore store, TargetRules rules, BundledReference bundled, Warehouse warehouse, AuditLog auditLog)
    {
        this.store = store;
        this.rules = rules;
        this.bundled = bundled;
        this.warehouse = warehouse;
        this.auditLog = auditLog;
    }

    @Get
    @Secured(UserAccount.MANAGER)
    @Operation(summary = "The targets the next ingest run loads",
            description = "The bundled targets until an admin edits them, then the last edit: per target and district, or programme-wide "
                    + "(district null); the SHA-256 of their targets file; who edited them and when; applied: whether the served snapshot "
                    + "holds them already (an edit applies from the next run). Targets have no period. Managers and admins.")
    @SecurityRequirement(name = ApiDescription.BASIC_AUTHENTICATION)
    @ApiResponse(responseCode = "200", description = "The targets.", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = TargetsResponse.class)))
    @ApiResponse(responseCode = "401", ref = "#/components/responses/SignInNeeded")
    @ApiResponse(responseCode = "403", ref = "#/components/responses/NotAllowed")
    public HttpResponse<TargetsResponse> targets()
    {
        return HttpResponse.ok(describe(store.current(), null)).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Put
    @Consumes(MediaType.ALL)
    @Secured(UserAccount.ADMIN)
    @Operation(summary = "Replace the targets (from the next ingest run)",
            description = "The whole set as JSON: {\"targets\": [{\"target\": \"coops_formed\", \"district\": \"Gasabo\", \"value\": 29}, "
                    + "{\"target\": \"coops_registered\", \"district\": null, \"value\": 214}]}. Each target one of the bundled targets file's, "
                    + "each district a name or NISR code of the reference list (null: programme-wide), each value a whole number from 1 to "
                    + "100,000, each target and place once. Stored by content hash in the warehouse's inbox with an audit entry targets-edited; "
                    + "the next run (Run now, or the next upload) publishes a snapshot with them. Admins only; a session needs its CSRF token.")
    @RequestBody(content = @Content(mediaType = "application/json"))
    @SecurityRequirement(name = ApiDescription.BASIC_AUTHENTICATION)
    @ApiResponse(responseCode = "200", description = "Saved (or unchanged); the targets in force.", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = TargetsResponse.class)))
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadTargets")
    @ApiResponse(responseCode = "401", ref = "#/components/responses/SignInNeeded")
    @ApiResponse(responseCode = "403", ref = "#/components/responses/NotAllowed")
    @ApiResponse(responseCode = "415", ref = "#/components/responses/TargetsNotJson")
    public HttpResponse<?> replace(HttpRequest<?> request, @Nullable @Body String body, @Nullable Authentication authentication)
            throws IOException
    {
        Optional<MediaType> type = request.getContentType();
        if (type.isEmpty() || !type.get().matches(MediaType.APPLICATION_JSON_TYPE)) {
            return HttpResponse.<ApiError>status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(ApiError.of("Send the targets as JSON (Content-Type: application/json), not "
                    + type.map(MediaType::getName).orElse("a body without a type") + "."));
        }
        List<ProgrammeTarget> targets = rules.parse(body == null ? "" : body);
        TargetStore.Current before = store.current();
        String changes = changes(before.targets(), targets);
        if (changes.isEmpty()) {
            return HttpResponse.ok(describe(before, "The targets are unchanged.")).header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        String user = authentication == null ? null : authentication.getName();
        TargetStore.Edit edit = store.save(targets, user);
        auditLog.record(user, AuditLog.clientAddress(request), "targets-edited", "targets.csv sha256=" + edit.sha256() + " (was " + before.sha256() + "): " + changes);
        return HttpResponse.ok(describe(store.current(), "Saved: the targets apply from the next run.")).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** What changed, one clause per target and place: 'coops_formed Gasabo 29 -> 40; training_sessions Huye 3 -> none'. */
    private String changes(List<ProgrammeTarget> before, List<ProgrammeTarget> after)
    {
        Map<String, ProgrammeTarget> old = before.stream().collect(Collectors.toMap(ProgrammeTarget::key, target -> target, (a, b) -> a, LinkedHashMap::new));
        Map<String, ProgrammeTarget> now = after.stream().collect(Collectors.toMap(ProgrammeTarget::key, target -> target, (a, b) -> a, LinkedHashMap::new));
        List<String> clauses = new ArrayList<>();
        Set<String> keys = new java.util.LinkedHashSet<>(old.keySet());
        keys.addAll(now.keySet());
        for (String key : keys) {
            ProgrammeTarget was = old.get(key);
            ProgrammeTarget is = now.get(key);
            if (was != null && is != null && was.value() == is.value()) {
                continue;
            }
            ProgrammeTarget any = is != null ? is : was;
            clauses.add(any.target() + " " + (any.districtCode() == null ? "programme" : bundled.districtName(any.districtCode())) + " "
                    + (was == null ? "none" : Long.toString(was.value())) + " -> " + (is == null ? "none" : Long.toString(is.value())));
        }
        return String.join("; ", clauses);
    }

    private TargetsResponse describe(TargetStore.Current current, @Nullable String message)
    {
        String served = null;
        boolean applied = false;
        try {
            ReferenceList reference = warehouse.reference();
            served = reference.snapshot();
            Set<String> servedTargets = reference.targets().stream()
                    .map(target -> target.target() + "/" + target.district().map(ReferenceList.District::code).orElse("") + "=" + target.value())
                    .collect(Collectors.toSet());
            Set<String> next = current.targets().stream().map(target -> target.key() + "=" + (double) target.value()).collect(Collectors.toSet());
            applied = servedTargets.equals(next);
        }
        catch (NoSnapshotException e) {
            // nothing served yet: the first run applies them
        }
        List<TargetsResponse.Target> targets = current.targets().stream()
                .map(target -> new TargetsResponse.Target(target.target(), target.districtCode() == null ? null : bundled.districtName(target.districtCode()),
                        target.districtCode(), target.value()))
                .toList();
        List<TargetsResponse.District> districts = bundled.districts().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(district -> new TargetsResponse.District(district.getValue(), district.getKey()))
                .toList();
        return new TargetsResponse(targets, current.edit().isPresent() ? "edited" : "bundled", current.sha256(),
                current.edit().map(TargetStore.Edit::user).orElse(null), current.edit().map(TargetStore.Edit::at).orElse(null),
                applied, served, bundled.targetNames(), districts, message);
    }
}
