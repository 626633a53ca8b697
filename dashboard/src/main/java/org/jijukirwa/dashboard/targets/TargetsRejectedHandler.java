package org.jijukirwa.dashboard.targets;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.jijukirwa.dashboard.errors.ApiError;

/** Targets that cannot be saved are a 400 with their sentence and the field at fault. */
@Singleton
@Produces
public final class TargetsRejectedHandler
        implements ExceptionHandler<TargetsRejectedException, HttpResponse<ApiError>>
{
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, TargetsRejectedException exception)
    {
        return HttpResponse.badRequest(new ApiError(exception.getMessage(), exception.parameter()));
    }
}
