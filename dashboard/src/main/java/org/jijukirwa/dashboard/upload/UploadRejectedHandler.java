package org.jijukirwa.dashboard.upload;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.jijukirwa.dashboard.errors.ApiError;

/** An upload that cannot be taken is a 400 with its sentence. */
@Singleton
@Produces
public final class UploadRejectedHandler
        implements ExceptionHandler<UploadRejectedException, HttpResponse<ApiError>>
{
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, UploadRejectedException exception)
    {
        return HttpResponse.badRequest(ApiError.of(exception.getMessage()));
    }
}
