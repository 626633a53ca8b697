package org.jijukirwa.generator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * {@code generate --out DIR [--cooperatives N] [--seed S] [--preset sample|national]
 * [--start yyyy-MM-dd] [--end yyyy-MM-dd]}: writes a synthetic data set and
 * prints what it wrote (counts only, never personal data).
 */
public final class GenerateMain
{
    public static final long DEFAULT_SEED = 2024;

    private static final String USAGE = """
            Usage: generate --out DIR [--cooperatives N] [--seed S] [--preset sample|national] [--start yyyy-MM-dd] [--end yyyy-MM-dd] [--field-exports yes|no]
              --preset        sample (default: 300 cooperatives, 2018-01-01..2020-12-31) or national (10 000 cooperatives, 2018..2024)
              --cooperatives  overrides the preset's number of cooperatives (at least 30: one per district)
              --seed          random seed (default %d): the same seed and options write the same bytes
              --start, --end  override the preset's period; --end is also the as-of date to ingest with
              --field-exports also write field-exports/: KoboToolbox, KoBoCAT and ODK Central exports of forms/ (default: yes for sample, no for national)
            """.formatted(DEFAULT_SEED);

    private GenerateMain()
    {
    }

    public static void main(String[] arguments)
    {
        int status = run(arguments, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command; returns the process exit status (0 success, 2 bad arguments, 1 failure). */
    static int run(String[] arguments, PrintStream out, PrintStream err)
    {
        Command command;
        try {
            command = Command.parse(arguments);
        }
        catch (IllegalArgumentException e) {
            err.println("generate: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (command == null) {
            out.print(USAGE);
            return 0;
        }
        try {
            long started = System.nanoTime();
            Map<String, Object> manifest = new FieldDataGenerator(command.out(), command.seed(), command.preset().presetName(), command.parameters(),
                    command.fieldExports())
                    .generate();
            double seconds = (System.nanoTime() - started) / 1e9;
            out.println(summary(command, manifest, seconds));
            return 0;
        }
        catch (Exception e) {
            err.println("generate: failed: " + e);
            return 1;
        }
    }

    @SuppressWarnings("unchecked")
    private static String summary(Command command, Map<String, Object> manifest, double seconds)
    {
        StringBuilder text = new StringBuilder();
        text.append("generated ").append(command.out()).append(" (preset ").append(command.preset().presetName())
                .append(", seed ").append(command.seed()).append(", ").append(command.parameters().cooperatives()).append(" cooperatives, ")
                .append(command.parameters().start()).append("..").append(command.parameters().end()).append(")\n");
        long totalBytes = 0;
        Map<String, Object> datasets = (Map<String, Object>) manifest.get("datasets");
        for (Map.Entry<String, Object> dataset : datasets.entrySet()) {
            Map<String, Object> entry = (Map<String, Object>) dataset.getValue();
            long bytes = 0;
            for (Object file : ((Map<String, Object>) entry.get("files")).values()) {
                bytes += (Long) ((Map<String, Object>) file).get("bytes");
            }
            totalBytes += bytes;
            text.append(String.format(Locale.ROOT, "  %-13s %,12d rows  %,8d bad  %,8d current keys  %,14d bytes%n",
                    dataset.getKey(), entry.get("rows"), entry.get("bad_rows"), entry.get("current_keys"), bytes));
        }
        Map<String, Object> fieldExports = (Map<String, Object>) manifest.get("field_exports");
        if (fieldExports != null) {
            Map<String, Object> files = (Map<String, Object>) fieldExports.get("files");
            long bytes = files.values().stream().mapToLong(file -> (Long) ((Map<String, Object>) file).get("bytes")).sum();
            totalBytes += bytes;
            text.append(String.format(Locale.ROOT, "  field exports: %d files in %s/ (%,d bytes), ingest them with --mapping %s%n", files.size(),
                    fieldExports.get("folder"), bytes, fieldExports.get("mapping")));
        }
        text.append(String.format(Locale.ROOT, "  total %,d bytes in %.1f s; ingest with --as-of %s", totalBytes, seconds, manifest.get("as_of")));
        return text.toString();
    }

    /** Parsed arguments; the preset's parameters with the overrides applied. */
    record Command(Path out, long seed, Preset preset, PresetParameters parameters, boolean fieldExports)
    {
        /** Null when help was asked for. */
        static Command parse(String[] arguments)
        {
            Path out = null;
            long seed = DEFAULT_SEED;
            Preset preset = Preset.SAMPLE;
            Integer cooperatives = null;
            LocalDate start = null;
            LocalDate end = null;
            Boolean fieldExports = null;
            for (int index = 0; index < arguments.length; index++) {
                String name = arguments[index];
                if (name.equals("--help") || name.equals("-h")) {
                    return null;
                }
                if (index + 1 >= arguments.length) {
                    throw new IllegalArgumentException("missing value after " + name);
                }
                String value = arguments[++index];
                switch (name) {
                    case "--out" -> out = Path.of(value);
                    case "--seed" -> seed = parseLong(name, value);
                    case "--preset" -> preset = Preset.named(value);
                    case "--cooperatives" -> cooperatives = (int) parseLong(name, value);
                    case "--start" -> start = parseDate(name, value);
                    case "--end" -> end = parseDate(name, value);
                    case "--field-exports" -> fieldExports = parseYesNo(name, value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (out == null) {
                throw new IllegalArgumentException("--out DIR is required");
            }
            PresetParameters parameters = preset.parameters();
            if (cooperatives != null) {
                parameters = parameters.withCooperatives(cooperatives);
            }
            if (start != null || end != null) {
                parameters = parameters.withPeriod(start == null ? parameters.start() : start, end == null ? parameters.end() : end);
            }
            return new Command(out, seed, preset, parameters, fieldExports == null ? preset == Preset.SAMPLE : fieldExports);
        }

        private static long parseLong(String name, String value)
        {
            try {
                return Long.parseLong(value);
            }
            catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " needs a whole number, got '" + value + "'");
            }
        }

        private static boolean parseYesNo(String name, String value)
        {
            return switch (value) {
                case "yes" -> true;
                case "no" -> false;
                default -> throw new IllegalArgumentException(name + " needs yes or no, got '" + value + "'");
            };
        }

        private static LocalDate parseDate(String name, String value)
        {
            try {
                return LocalDate.parse(value);
            }
            catch (DateTimeParseException e) {
                throw new IllegalArgumentException(name + " needs a date yyyy-MM-dd, got '" + value + "'");
            }
        }
    }
}
