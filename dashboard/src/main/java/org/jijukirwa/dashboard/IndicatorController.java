package org.jijukirwa.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpParameters;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.jijukirwa.warehouse.IndicatorQuery;
import org.jijukirwa.warehouse.Warehouse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The indicator catalogue and answers; anyone may read them, managers without suppression. */
@Controller("/api/v1/indicators")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class IndicatorController
{
    private final Warehouse warehouse;

    public IndicatorController(Warehouse warehouse)
    {
        this.warehouse = warehouse;
    }

    @Get
    public List<IndicatorSummary> catalogue()
    {
        return warehouse.catalogue().indicators().stream().map(IndicatorSummary::from).toList();
    }

    @Get("/{id}")
    public IndicatorAnswerResponse answer(String id, HttpRequest<?> request, @Nullable Authentication authentication)
    {
        IndicatorQuery query = IndicatorQuery.parse(id, rawParameters(request.getParameters()));
        return IndicatorAnswerResponse.from(warehouse.answer(query, Audiences.of(authentication)));
    }

    /** A parameter given twice ({@code by=district&by=sex}) reads as one comma-separated list. */
    private static Map<String, String> rawParameters(HttpParameters parameters)
    {
        Map<String, String> raw = new LinkedHashMap<>();
        for (String name : parameters.names()) {
            raw.put(name, String.join(",", parameters.getAll(name)));
        }
        return raw;
    }
}
