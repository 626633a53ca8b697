package org.jijukirwa.dashboard.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.jijukirwa.dashboard.audit.AuditLog;
import org.jijukirwa.dashboard.docs.ApiDescription;
import org.jijukirwa.dashboard.runqueue.QueuedRun;
import org.jijukirwa.dashboard.runqueue.RunQueue;
import org.jijukirwa.dashboard.security.UserAccount;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A manager uploads field files (and optionally a mapping file); they go to the {@link Inbox} and a run is queued.
 * Parts: {@code file} (one or more), {@code mapping} (at most one, JSON), {@code dataset} (optional: the dataset of
 * every file of the upload; without it each file's name says it, or for a workbook or zip its form).
 * The size limit is the server's ({@code jijukirwa.uploads.max-file-size}, a 413).
 */
@Controller("/api/v1/uploads")
@Secured(UserAccount.MANAGER)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class UploadController
{
    static final String FILE_PART = "file";
    static final String MAPPING_PART = "mapping";
    static final String DATASET_PART = "dataset";

    private final Inbox inbox;
    private final RunQueue runQueue;
    private final AuditLog auditLog;
    private final ObjectMapper json = new ObjectMapper();

    public UploadController(Inbox inbox, RunQueue runQueue, AuditLog auditLog)
    {
        this.inbox = inbox;
        this.runQueue = runQueue;
        this.auditLog = auditLog;
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload field files and queue an ingest run",
            description = "Multipart parts: file (one or more: .csv, .jsonl/.ndjson, KoboToolbox .xlsx, ODK Central .zip), mapping (optional, "
                    + "a JSON mapping file), dataset (optional: cooperatives, members, trainings or coaching, for every file; else the file "
                    + "name says it, or a workbook's or zip's form). Files are stored by content hash; a content uploaded before is "
                    + "recognised (already_uploaded) and queues no run by itself. Managers only.")
    @SecurityRequirement(name = ApiDescription.BASIC_AUTHENTICATION)
    @ApiResponse(responseCode = "202", description = "Stored; the run queued for them (null when nothing was new).",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UploadResponse.class)))
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadUpload")
    @ApiResponse(responseCode = "401", ref = "#/components/responses/SignInNeeded")
    @ApiResponse(responseCode = "403", ref = "#/components/responses/NotAllowed")
    @ApiResponse(responseCode = "413", ref = "#/components/responses/UploadTooLarge")
    public HttpResponse<UploadResponse> upload(@Body MultipartBody body, HttpRequest<?> request, @Nullable Authentication authentication)
            throws IOException
    {
        List<CompletedPart> parts = collect(body);
        String user = authentication == null ? null : authentication.getName();
        String address = AuditLog.clientAddress(request);
        Optional<String> chosenDataset = chosenDataset(parts);
        List<CompletedFileUpload> files = new ArrayList<>();
        List<CompletedFileUpload> mappings = new ArrayList<>();
        for (CompletedPart part : parts) {
            if (part instanceof CompletedFileUpload upload && FILE_PART.equals(part.getName())) {
                files.add(upload);
            }
            else if (part instanceof CompletedFileUpload upload && MAPPING_PART.equals(part.getName())) {
                mappings.add(upload);
            }
            else if (!DATASET_PART.equals(part.getName())) {
                throw new UploadRejectedException("'" + part.getName() + "' is not a part of an upload; send file (one or more), mapping and dataset.");
            }
        }
        files.removeIf(file -> file.getFilename() == null || file.getFilename().isBlank() && file.getSize() == 0);
        if (files.isEmpty()) {
            throw new UploadRejectedException("Choose at least one field file to upload (the part 'file').");
        }
        if (mappings.size() > 1) {
            throw new UploadRejectedException("Send at most one mapping file.");
        }
        List<String> datasets = new ArrayList<>();
        for (CompletedFileUpload file : files) {
            datasets.add(datasetOf(file, chosenDataset));
        }
        mappings.forEach(this::checkMapping);

        List<UploadResponse.File> stored = new ArrayList<>();
        boolean anythingNew = false;
        for (int i = 0; i < files.size(); i++) {
            Inbox.Stored result;
            try (InputStream content = files.get(i).getInputStream()) {
                result = inbox.store(files.get(i).getFilename(), datasets.get(i), content, user);
            }
            anythingNew |= !result.known();
            stored.add(UploadResponse.File.of(result));
            auditLog.record(user, address, "upload", result.entry().name() + " sha256=" + result.entry().sha256() + " dataset="
                    + (result.entry().dataset() == null ? "(its form)" : result.entry().dataset()) + (result.known() ? " (uploaded before)" : ""));
        }
        String mappingSha = null;
        if (!mappings.isEmpty()) {
            Inbox.Stored mapping;
            try (InputStream content = mappings.get(0).getInputStream()) {
                mapping = inbox.store(mappings.get(0).getFilename(), InboxEntry.MAPPING, content, user);
            }
            mappingSha = mapping.entry().sha256();
            anythingNew |= !mapping.known();
            auditLog.record(user, address, "upload", mapping.entry().name() + " sha256=" + mappingSha + " (mapping)");
        }
        QueuedRun run = anythingNew ? runQueue.submit("upload of " + String.join(", ", stored.stream().map(UploadResponse.File::name).toList()), user, mappingSha) : null;
        String message = run != null ? "Stored " + stored.size() + " file(s); run " + run.id() + " is queued."
                : "Every file was uploaded before: nothing new to run (use Run now to run again).";
        return HttpResponse.<UploadResponse>status(HttpStatus.ACCEPTED).body(new UploadResponse(stored, run, message))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private static Optional<String> chosenDataset(List<CompletedPart> parts)
    {
        List<String> chosen = new ArrayList<>();
        for (CompletedPart part : parts) {
            if (DATASET_PART.equals(part.getName()) && !(part instanceof CompletedFileUpload)) {
                try {
                    String text = new String(part.getBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
                    if (!text.isEmpty()) {
                        chosen.add(text);
                    }
                }
                catch (IOException e) {
                    throw new UploadRejectedException("The dataset field cannot be read.");
                }
            }
        }
        if (chosen.size() > 1) {
            throw new UploadRejectedException("Choose one dataset for the upload, or none to let each file's name say it.");
        }
        if (!chosen.isEmpty() && !FieldFileKind.DATASETS.contains(chosen.get(0))) {
            throw new UploadRejectedException("'" + chosen.get(0) + "' is not a dataset; choose " + String.join(", ", FieldFileKind.DATASETS) + ".");
        }
        return chosen.stream().findFirst();
    }

    /** The dataset folder a file goes in; null for a workbook or zip whose form will say it. */
    private static @Nullable String datasetOf(CompletedFileUpload file, Optional<String> chosen)
    {
        String name = Inbox.safeName(file.getFilename());
        FieldFileKind kind = FieldFileKind.of(name).orElseThrow(() -> new UploadRejectedException(
                "'" + name + "' is not a kind of file the ingest reads: upload " + FieldFileKind.ACCEPTED + "."));
        if (file.getSize() == 0) {
            throw new UploadRejectedException("'" + name + "' is empty.");
        }
        Optional<String> byName = FieldFileKind.datasetOfName(name);
        if (chosen.isPresent() && byName.isPresent() && !chosen.get().equals(byName.get())) {
            throw new UploadRejectedException("'" + name + "' is named as " + byName.get() + " but the upload is for " + chosen.get()
                    + ": rename the file or choose " + byName.get() + ".");
        }
        Optional<String> dataset = chosen.or(() -> byName);
        if (dataset.isEmpty() && !kind.formCanNameDataset()) {
            throw new UploadRejectedException("Which dataset is '" + name + "'? Choose cooperatives, members, trainings or coaching, "
                    + "or name the file after its dataset (members_2020.csv).");
        }
        return dataset.orElse(null);
    }

    private void checkMapping(CompletedFileUpload mapping)
    {
        String name = Inbox.safeName(mapping.getFilename());
        try {
            JsonNode node = json.readTree(mapping.getBytes());
            if (node == null || !node.isObject() || !node.path("files").isArray()) {
                throw new UploadRejectedException("The mapping file '" + name + "' must be a JSON object with a \"files\" list (see ingest/README.md, \"Mapping file\").");
            }
        }
        catch (IOException e) {
            throw new UploadRejectedException("The mapping file '" + name + "' is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** The parts of the request, once all have arrived (the route runs on a blocking thread). */
    private static List<CompletedPart> collect(MultipartBody body)
    {
        CompletableFuture<List<CompletedPart>> done = new CompletableFuture<>();
        body.subscribe(new Subscriber<>()
        {
            private final List<CompletedPart> parts = new ArrayList<>();

            @Override
            public void onSubscribe(Subscription subscription)
            {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(CompletedPart part)
            {
                parts.add(part);
            }

            @Override
            public void onError(Throwable error)
            {
                done.completeExceptionally(error);
            }

            @Override
            public void onComplete()
            {
                done.complete(parts);
            }
        });
        try {
            return done.get(10, TimeUnit.MINUTES);
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;  // a too large part stays the framework's 413
            }
            throw new UploadRejectedException("The upload could not be read: " + e.getCause().getMessage());
        }
        catch (TimeoutException e) {
            throw new UploadRejectedException("The upload did not arrive in 10 minutes.");
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UploadRejectedException("The upload was interrupted.");
        }
    }
}
