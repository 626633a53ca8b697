package org.jijukirwa.dashboard.export;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/**
 * The programme as an IATI activity. The defaults make a valid document; a publisher sets its own
 * organisation identifier (from org-id.guide) and activity identifier (that identifier, a hyphen, its own code).
 * Codes are from the IATI code lists: organisation type 21 (international NGO), activity status 2 (implementation).
 */
@ConfigurationProperties(IatiConfiguration.PREFIX)
public record IatiConfiguration(
        @Bindable(defaultValue = "XI-IATI-JIJUKIRWA") String reportingOrganisationReference,
        @Bindable(defaultValue = "21") String reportingOrganisationType,
        @Bindable(defaultValue = "Jijukirwa programme") String reportingOrganisationName,
        @Nullable String activityIdentifier,
        @Bindable(defaultValue = "Organising informal workers into cooperatives in Rwanda") String title,
        @Bindable(defaultValue = "Helps informal workers in Rwanda form cooperatives, register them with the Rwanda Cooperative Agency, "
                + "and trains and coaches them. Results are computed from the programme's monitoring records.") String description,
        @Bindable(defaultValue = "2") String activityStatus,
        @Nullable LocalDate startDate,
        @Bindable(defaultValue = "RW") String recipientCountry)
{
    public static final String PREFIX = "jijukirwa.iati";

    public IatiConfiguration
    {
        requireNonNull(reportingOrganisationReference, "reporting-organisation-reference is null");
        requireNonNull(reportingOrganisationType, "reporting-organisation-type is null");
        requireNonNull(reportingOrganisationName, "reporting-organisation-name is null");
        requireNonNull(title, "title is null");
        requireNonNull(description, "description is null");
        requireNonNull(activityStatus, "activity-status is null");
        requireNonNull(recipientCountry, "recipient-country is null");
    }

    /** The configured identifier, or the organisation's followed by "-COOPERATIVES". */
    public String identifier()
    {
        return activityIdentifier != null ? activityIdentifier : reportingOrganisationReference + "-COOPERATIVES";
    }
}
