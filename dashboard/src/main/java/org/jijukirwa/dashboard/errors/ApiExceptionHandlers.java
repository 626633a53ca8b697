package org.jijukirwa.dashboard.errors;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.jijukirwa.warehouse.DisclosureKeyMissingException;
import org.jijukirwa.warehouse.NoSnapshotException;
import org.jijukirwa.warehouse.WarehouseBusyException;
import org.jijukirwa.warehouse.cooperative.UnknownCooperativeException;
import org.jijukirwa.warehouse.indicator.InvalidParameterException;
import org.jijukirwa.warehouse.indicator.UnknownIndicatorException;
import org.jijukirwa.warehouse.lineage.UnknownSnapshotException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps the warehouse's exceptions to the API's JSON errors; anything unexpected to a 500 that reveals nothing. */
public final class ApiExceptionHandlers
{
    static final String UNEXPECTED_ERROR = "Something went wrong on the server. The error has been logged.";

    private ApiExceptionHandlers()
    {
    }

    @Singleton
    @Produces
    public static final class UnknownIndicatorHandler
            implements ExceptionHandler<UnknownIndicatorException, HttpResponse<ApiError>>
    {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, UnknownIndicatorException exception)
        {
            return HttpResponse.notFound(new ApiError(exception.getMessage(), "id"));
        }
    }

    @Singleton
    @Produces
    public static final class UnknownCooperativeHandler
            implements ExceptionHandler<UnknownCooperativeException, HttpResponse<ApiError>>
    {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, UnknownCooperativeException exception)
        {
            return HttpResponse.notFound(new ApiError(exception.getMessage(), "id"));
        }
    }

    @Singleton
    @Produces
    public static final class UnknownSnapshotHandler
            implements ExceptionHandler<UnknownSnapshotException, HttpResponse<ApiError>>
    {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, UnknownSnapshotException exception)
        {
            return HttpResponse.notFound(new ApiError(exception.getMessage(), "snapshot"));
        }
    }

    @Singleton
    @Produces
    public static final class InvalidParameterHandler
            implements ExceptionHandler<InvalidParameterException, HttpResponse<ApiError>>
    {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, InvalidParameterException exception)
        {
            return HttpResponse.badRequest(new ApiError(exception.getMessage(), exception.parameter()));
        }
    }

    @Singleton
    @Produces
    public static final class NoSnapshotHandler
            implements ExceptionHandler<NoSnapshotException, HttpResponse<ApiError>>
    {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, NoSnapshotException exception)
        {
            return HttpResponse.<ApiError>status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(ApiError.of("No data has been published yet: the first ingest run has not finished."));
        }
    }

    /** A query stopped at its time limit, or no query slot free in time: busy, not broken. */
    @Singleton
    @Produces
    public static final class WarehouseBusyHandler
            implements ExceptionHandler<WarehouseBusyException, HttpResponse<ApiError>>
    {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, WarehouseBusyException exception)
        {
            return busy(exception);
        }
    }

    static HttpResponse<ApiError> busy(WarehouseBusyException exception)
    {
        return HttpResponse.<ApiError>status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(exception.retryAfterSeconds()))
                .body(ApiError.of(exception.getMessage()));
    }

    @Singleton
    @Produces
    public static final class DisclosureKeyMissingHandler
            implements ExceptionHandler<DisclosureKeyMissingException, HttpResponse<ApiError>>
    {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, DisclosureKeyMissingException exception)
        {
            return HttpResponse.<ApiError>status(HttpStatus.SERVICE_UNAVAILABLE).body(ApiError.of(exception.getMessage()));
        }
    }

    @Singleton
    @Produces
    public static final class UnexpectedErrorHandler
            implements ExceptionHandler<Exception, HttpResponse<ApiError>>
    {
        private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, Exception exception)
        {
            // the answer code wraps what failed in its query (naming the indicator): a stopped query is still only busy
            for (Throwable cause = exception.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
                if (cause instanceof WarehouseBusyException busy) {
                    return busy(busy);
                }
            }
            LOG.error("Unexpected error on {} {}", request.getMethodName(), request.getPath(), exception);
            return HttpResponse.<ApiError>serverError().body(ApiError.of(UNEXPECTED_ERROR));
        }
    }
}
