package org.jijukirwa.dashboard;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApplicationTest
{
    @Test
    void warehouseAndPortOptionsBecomeProperties()
    {
        Map<String, Object> properties = new LinkedHashMap<>();

        assertThat(Application.readOptions(new String[] {"--warehouse", "/data/warehouse", "--port=9090", "-Dx=y"}, properties))
                .containsExactly("-Dx=y");
        assertThat(properties).containsExactly(
                Map.entry("jijukirwa.warehouse.directory", "/data/warehouse"),
                Map.entry("micronaut.server.port", "9090"));
    }

    @Test
    void commandLineWinsOverTheEnvironment()
    {
        Map<String, Object> properties = new LinkedHashMap<>(Map.of("jijukirwa.warehouse.directory", "/from/environment"));

        Application.readOptions(new String[] {"--warehouse=/from/command/line"}, properties);

        assertThat(properties).containsEntry("jijukirwa.warehouse.directory", "/from/command/line");
    }

    @Test
    void optionWithoutValueOrBadPortIsRefused()
    {
        assertThatThrownBy(() -> Application.readOptions(new String[] {"--warehouse"}, new LinkedHashMap<>()))
                .hasMessageContaining("--warehouse needs a value");
        assertThatThrownBy(() -> Application.readOptions(new String[] {"--port", "eighty"}, new LinkedHashMap<>()))
                .hasMessageContaining("--port needs a port number");
    }
}
