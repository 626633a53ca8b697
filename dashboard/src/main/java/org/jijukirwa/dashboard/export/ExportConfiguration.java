package org.jijukirwa.dashboard.export;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import org.jijukirwa.warehouse.export.DataPackage;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The licence and producer that exported data packages declare. */
@ConfigurationProperties(ExportConfiguration.PREFIX)
public record ExportConfiguration(
        @Bindable(defaultValue = "CC-BY-4.0") String licenceName,
        @Bindable(defaultValue = "Creative Commons Attribution 4.0") String licenceTitle,
        @Bindable(defaultValue = "https://creativecommons.org/licenses/by/4.0/") String licencePath,
        @Bindable(defaultValue = "Jijukirwa programme") String producer,
        @Nullable String producerPath,
        @Nullable String producerEmail)
{
    public static final String PREFIX = "jijukirwa.exports";

    public ExportConfiguration
    {
        requireNonNull(licenceName, "licence-name is null");
        requireNonNull(licenceTitle, "licence-title is null");
        requireNonNull(licencePath, "licence-path is null");
        requireNonNull(producer, "producer is null");
    }

    public DataPackage.Licence licence()
    {
        return new DataPackage.Licence(licenceName, licenceTitle, licencePath);
    }

    public DataPackage.Producer dataProducer()
    {
        return new DataPackage.Producer(producer, Optional.ofNullable(producerPath), Optional.ofNullable(producerEmail));
    }
}
