package org.jijukirwa.dashboard.export;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jijukirwa.dashboard.api.IndicatorAnswerResponse;
import org.jijukirwa.dashboard.api.IndicatorQueryParameters;
import org.jijukirwa.dashboard.api.RequestDeadline;
import org.jijukirwa.dashboard.api.RequestParameters;
import org.jijukirwa.dashboard.audit.AuditLog;
import org.jijukirwa.dashboard.security.Audiences;
import org.jijukirwa.warehouse.Deadline;
import org.jijukirwa.warehouse.Warehouse;
import org.jijukirwa.warehouse.answer.Audience;
import org.jijukirwa.warehouse.answer.AnswerCursor;
import org.jijukirwa.warehouse.answer.AnswerHeading;
import org.jijukirwa.warehouse.export.DataPackage;
import org.jijukirwa.warehouse.export.ExportNames;
import org.jijukirwa.warehouse.indicator.IndicatorQuery;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Downloads of any indicator query (the parameters, checks, errors and roles of /api/v1/indicators/{id}:
 * the public view's counts of people are protected, managers get exact figures) and the programme's IATI results. Answers
 * stream from the warehouse as the client reads them; only the Parquet file is written whole first
 * (its footer comes last), to a temporary file that goes when the download ends.
 */
@Controller("/api/v1/export")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "exports")
public final class ExportController
{
    static final MediaType CSV = MediaType.of("text/csv; charset=utf-8");
    static final MediaType PARQUET = MediaType.of("application/vnd.apache.parquet");
    static final MediaType ZIP = MediaType.of("application/zip");

    private final Warehouse warehouse;
    private final ExportConfiguration configuration;
    private final IatiResultsDocument iati;
    private final AuditLog audit;

    public ExportController(Warehouse warehouse, ExportConfiguration configuration, IatiResultsDocument iati, AuditLog audit)
    {
        this.warehouse = warehouse;
        this.configuration = configuration;
        this.iati = iati;
        this.audit = audit;
    }

    @Get(uri = "/{id}.csv", produces = "text/csv")
    @Operation(summary = "An indicator query as CSV",
            description = "Header row, then one row per cell: period (time series), the by columns, numerator, denominator, value, "
                    + "suppressed, suppression. UTF-8, RFC 4180; text cells that start with =, +, -, @, tab or carriage return "
                    + "are prefixed with a single quote so that spreadsheets do not run them as formulas. The Link header (rel=describedby) "
                    + "names GET /api/v1/lineage of the answer's snapshot; the data package (.zip) carries the whole lineage.")
    @ApiResponse(responseCode = "200", description = "The CSV file.", content = @Content(mediaType = "text/csv",
            examples = @ExampleObject(value = "district,numerator,denominator,value,suppressed,suppression\r\nGasabo,12,29,0.41379310344827586,false,\r\n")))
    @IndicatorQueryParameters
    public HttpResponse<StreamedFile> csv(String id, HttpRequest<?> request, @Nullable Authentication authentication)
    {
        AnswerCursor cursor = open(id, request, authentication);
        // a CSV has no place for metadata: its Link header names the lineage of its snapshot (the data package carries it whole)
        return download(new ExportStream(ExportProducers.csv(cursor)), CSV, ExportNames.baseName(cursor.heading()) + ".csv")
                .header(HttpHeaders.LINK, "</api/v1/lineage?snapshot=" + cursor.heading().snapshot().id() + ">; rel=\"describedby\"; type=\"application/json\"");
    }

    @Get(uri = "/{id}.json", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "An indicator query as a JSON file", description = "The answer of GET /api/v1/indicators/{id}, as a download, "
            + "its lineage included.")
    @ApiResponse(responseCode = "200", description = "The JSON file.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IndicatorAnswerResponse.class)))
    @IndicatorQueryParameters
    public HttpResponse<StreamedFile> json(String id, HttpRequest<?> request, @Nullable Authentication authentication)
    {
        AnswerCursor cursor = open(id, request, authentication);
        return download(new ExportStream(ExportProducers.json(cursor)), MediaType.APPLICATION_JSON_TYPE,
                ExportNames.baseName(cursor.heading()) + ".json");
    }

    @Get(uri = "/{id}.parquet", produces = "application/vnd.apache.parquet")
    @Operation(summary = "An indicator query as Parquet",
            description = "Typed columns: dimensions and period VARCHAR, numerator BIGINT, denominator BIGINT (DOUBLE for a target), "
                    + "value DOUBLE, suppressed BOOLEAN (always false), suppression VARCHAR (always null). Readable by DuckDB, Spark, pandas. "
                    + "The file's key-value metadata holds the answer's lineage as JSON under the key lineage.")
    @ApiResponse(responseCode = "200", description = "The Parquet file.",
            content = @Content(mediaType = "application/vnd.apache.parquet", schema = @Schema(type = "string", format = "binary")))
    @IndicatorQueryParameters
    public HttpResponse<StreamedFile> parquet(String id, HttpRequest<?> request, @Nullable Authentication authentication)
            throws IOException
    {
        Deadline deadline = RequestDeadline.of(request, warehouse);
        IndicatorQuery query = IndicatorQuery.parse(id, RequestParameters.raw(request.getParameters()));
        Path file = Files.createTempFile("jijukirwa-export-", ".parquet");
        try {
            AnswerHeading heading = warehouse.writeParquet(query, audience(request, authentication), file, deadline);
            long length = Files.size(file);
            StreamedFile streamed = new StreamedFile(new DeletingFileInputStream(file), PARQUET, Instant.now().toEpochMilli(), length);
            return attach(streamed, ExportNames.baseName(heading) + ".parquet");
        }
        catch (RuntimeException | IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    @Get(uri = "/{id}.zip", produces = "application/zip")
    @Operation(summary = "An indicator query as a Frictionless Data Package",
            description = "A ZIP holding datapackage.json (a Tabular Data Package: the Table Schema of the CSV, the indicator's definition, "
                    + "the query, the snapshot, the disclosure rule and k, the licence, the producer and the lineage) and the CSV it describes.")
    @ApiResponse(responseCode = "200", description = "The ZIP file.",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    @IndicatorQueryParameters
    public HttpResponse<StreamedFile> zip(String id, HttpRequest<?> request, @Nullable Authentication authentication)
    {
        AnswerCursor cursor = open(id, request, authentication);
        try {
            String baseName = ExportNames.baseName(cursor.heading());
            byte[] dataPackage = DataPackage.describe(cursor.heading(), baseName + ".csv", configuration.licence(),
                    configuration.dataProducer(), Instant.now()).toJson();
            return download(new ExportStream(ExportProducers.zip(cursor, dataPackage, baseName + ".csv")), ZIP, baseName + ".zip");
        }
        catch (RuntimeException e) {
            cursor.close();
            throw e;
        }
    }

    @Get(uri = "/iati-results.xml", produces = MediaType.APPLICATION_XML)
    @Operation(summary = "The programme's results as an IATI 2.03 activity file",
            description = "One iati-activity whose result elements carry cooperatives formed and registered, the formalisation rate, "
                    + "training sessions and persons reached (with a sex dimension): a baseline, and a target (where the programme has "
                    + "one) and an actual per period. Public figures: counts of people are protected as in the indicator API.")
    @Parameter(name = "from", in = ParameterIn.QUERY, ref = "#/components/parameters/iati_from")
    @Parameter(name = "to", in = ParameterIn.QUERY, ref = "#/components/parameters/iati_to")
    @Parameter(name = "grain", in = ParameterIn.QUERY, ref = "#/components/parameters/iati_grain")
    @ApiResponse(responseCode = "200", description = "The IATI activity file.", content = @Content(mediaType = MediaType.APPLICATION_XML,
            schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadIatiParameter")
    @ApiResponse(responseCode = "429", ref = "#/components/responses/TooManyQueries")
    @ApiResponse(responseCode = "503", ref = "#/components/responses/NothingPublishedOrBusy")
    @ApiResponse(responseCode = "500", ref = "#/components/responses/Unexpected")
    public HttpResponse<byte[]> iatiResults(HttpRequest<?> request)
    {
        // the document's several queries and its writing share one time limit
        byte[] document = iati.write(RequestParameters.raw(request.getParameters()), Instant.now(), RequestDeadline.of(request, warehouse));
        return HttpResponse.ok(document)
                .contentType(MediaType.APPLICATION_XML_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"iati-results.xml\"");
    }

    /**
     * Validation happens here, before the response starts: a bad request, or an export of more cells than
     * jijukirwa.warehouse.max-export-cells, is still a JSON 400, and SQL past the time limit a JSON 503. Once the 200 headers
     * are out the rows stream at the client's pace; their number is what bounds the server's work then.
     */
    private AnswerCursor open(String id, HttpRequest<?> request, @Nullable Authentication authentication)
    {
        Deadline deadline = RequestDeadline.of(request, warehouse);
        IndicatorQuery query = IndicatorQuery.parse(id, RequestParameters.raw(request.getParameters()));
        return warehouse.openAnswer(query, audience(request, authentication), deadline);
    }

    /** Who the file is for; a download of unsuppressed figures goes in the audit log (once the query was found valid). */
    private Audience audience(HttpRequest<?> request, @Nullable Authentication authentication)
    {
        Audience audience = Audiences.of(authentication);
        if (audience == Audience.MANAGER) {
            audit.record(authentication.getName(), AuditLog.clientAddress(request), "export-unsuppressed", request.getUri().toString());
        }
        return audience;
    }

    private static MutableHttpResponse<StreamedFile> download(ExportStream stream, MediaType mediaType, String fileName)
    {
        return attach(new StreamedFile(stream, mediaType), fileName);
    }

    private static MutableHttpResponse<StreamedFile> attach(StreamedFile file, String fileName)
    {
        // answers differ by role: no shared cache may keep them
        return HttpResponse.ok(file.attach(fileName)).header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }

    /** The Parquet file of one download, deleted once sent (or abandoned). */
    private static final class DeletingFileInputStream
            extends FileInputStream
    {
        private final Path file;

        DeletingFileInputStream(Path file)
                throws IOException
        {
            super(file.toFile());
            this.file = file;
        }

        @Override
        public void close()
                throws IOException
        {
            try {
                super.close();
            }
            finally {
                try {
                    Files.deleteIfExists(file);
                }
                catch (IOException e) {
                    throw new UncheckedIOException("cannot delete the exported file " + file, e);
                }
            }
        }
    }
}
