package org.jijukirwa.generator;

import java.time.LocalDate;
import java.util.Locale;

/** Named parameter sets: the bundled demo sample and a national-scale benchmark. */
public enum Preset
{
    /** About 300 cooperatives over 2018-2020 with ~10 000 member rows: the bundled data-samples/. */
    SAMPLE(new PresetParameters(300, LocalDate.of(2018, 1, 1), LocalDate.of(2020, 12, 31),
            10, 37, 0.4, 1.8, 2, 1.6, 0.06,
            new DatasetShares(0.025, 0.004, 0.005, 0.009),
            new DatasetShares(0.3, 0.04, 0.03, 0.05))),
    /** 10 000 cooperatives over 2018-2024: about 5 million members, 2 million attendances, 500 000 visits. */
    NATIONAL(new PresetParameters(10_000, LocalDate.of(2018, 1, 1), LocalDate.of(2024, 12, 31),
            100, 880, 0.75, 9.0, 6, 10.0, 0.04,
            DatasetShares.all(0.01),
            new DatasetShares(0.3, 0.03, 0.03, 0.05)));

    private final PresetParameters parameters;

    Preset(PresetParameters parameters)
    {
        this.parameters = parameters;
    }

    public PresetParameters parameters()
    {
        return parameters;
    }

    public String presetName()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Preset named(String name)
    {
        for (Preset preset : values()) {
            if (preset.presetName().equals(name)) {
                return preset;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + name + "' (sample or national)");
    }
}
