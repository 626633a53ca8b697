package org.jijukirwa.dashboard.report;

import io.micronaut.context.BeanProvider;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import org.jijukirwa.dashboard.errors.ApiError;
import org.jijukirwa.warehouse.NoSnapshotException;
import org.jijukirwa.warehouse.Warehouse;
import org.jijukirwa.warehouse.snapshot.ReferenceList;
import org.jijukirwa.warehouse.snapshot.SnapshotInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The quarterly report: {@code GET /report?period=&place=&lang=} is the page (the front end's report bundle reads the
 * API itself), {@code GET /report.pdf} the same page printed by headless Chromium on this server. Bad parameters are a
 * 400 naming the parameter, before any page is served or printed. The PDF is the public view: the server's Chromium
 * calls the page without the caller's credentials.
 */
@Controller
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class ReportController
{
    private static final String PAGE = "public/report.html";

    private final Warehouse warehouse;
    private final ChromiumPdfPrinter printer;
    private final BeanProvider<EmbeddedServer> server;

    public ReportController(Warehouse warehouse, ChromiumPdfPrinter printer, BeanProvider<EmbeddedServer> server)
    {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.printer = requireNonNull(printer, "printer is null");
        this.server = requireNonNull(server, "server is null");
    }

    @Get(uri = "/report", produces = MediaType.TEXT_HTML)
    public HttpResponse<byte[]> page(HttpRequest<?> request)
    {
        validate(request);
        try (InputStream page = getClass().getClassLoader().getResourceAsStream(PAGE)) {
            if (page == null) {
                throw new IllegalStateException(PAGE + " is missing: the front end was not built");
            }
            return HttpResponse.ok(page.readAllBytes()).contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(uri = "/report.pdf", produces = "application/pdf")
    public HttpResponse<byte[]> pdf(HttpRequest<?> request)
    {
        ReportRequest report = validate(request);
        String query = report.queryString();
        URI page = URI.create("http://127.0.0.1:" + server.get().getPort() + "/report" + (query.isEmpty() ? "" : "?" + query));
        byte[] pdf = printer.print(page);
        return HttpResponse.ok(pdf).contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + report.fileName() + "\"");
    }

    @Error(exception = ReportUnavailableException.class)
    public HttpResponse<ApiError> unavailable(ReportUnavailableException exception)
    {
        return HttpResponse.<ApiError>status(HttpStatus.SERVICE_UNAVAILABLE).body(ApiError.of(exception.getMessage()));
    }

    private ReportRequest validate(HttpRequest<?> request)
    {
        Map<String, String> parameters = new LinkedHashMap<>();
        request.getParameters().forEach((name, values) -> parameters.put(name, values.isEmpty() ? null : values.get(0)));
        Optional<SnapshotInfo> snapshot = warehouse.snapshot();
        Optional<ReferenceList> reference;
        try {
            reference = snapshot.isPresent() ? Optional.of(warehouse.reference()) : Optional.empty();
        }
        catch (NoSnapshotException e) {
            reference = Optional.empty();
        }
        return ReportRequest.parse(parameters, reference, snapshot.map(SnapshotInfo::asOf));
    }
}
