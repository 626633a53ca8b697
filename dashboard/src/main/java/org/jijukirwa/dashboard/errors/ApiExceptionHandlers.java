package org.jijukirwa.dashboard.errors;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.jijukirwa.warehouse.NoSnapshotException;
import org.jijukirwa.warehouse.cooperative.UnknownCooperativeException;
import org.jijukirwa.warehouse.indicator.InvalidParameterException;
import org.jijukirwa.warehouse.indicator.UnknownIndicatorException;
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

    @Singleton
    @Produces
    public static final class UnexpectedErrorHandler
            implements ExceptionHandler<Exception, HttpResponse<ApiError>>
    {
        private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, Exception exception)
        {
            LOG.error("Unexpected error on {} {}", request.getMethodName(), request.getPath(), exception);
            return HttpResponse.<ApiError>serverError().body(ApiError.of(UNEXPECTED_ERROR));
        }
    }
}
