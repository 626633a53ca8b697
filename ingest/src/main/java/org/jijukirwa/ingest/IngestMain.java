package org.jijukirwa.ingest;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Command line: {@code --input DIR --warehouse DIR [--master URL] [--mapping FILE]
 * [--as-of yyyy-MM-dd] [--reference DIR] [--hmac-key-file FILE] [--allow-dataset-loss] [--brief]}.
 * The HMAC key comes from --hmac-key-file, else the file named by
 * JIJUKIRWA_HMAC_KEY_FILE, else the text of JIJUKIRWA_HMAC_KEY.
 * Exit 0 when a snapshot was published or there was nothing new; 2 for bad arguments; 1 when nothing
 * could be published. Errors are one line on stderr; so are warnings and progress (a live line on a terminal).
 * {@code --brief} prints one line per dataset instead of the per-file report; {@code --verbose} lets Spark's log (warnings
 * and errors, with their stack traces) through to stderr, which is otherwise kept quiet.
 */
public final class IngestMain
{
    public static final String KEY_FILE_VARIABLE = "JIJUKIRWA_HMAC_KEY_FILE";
    public static final String KEY_VARIABLE = "JIJUKIRWA_HMAC_KEY";

    static final String JOB_JARS_PROPERTY = "jijukirwa.job.jars";
    private static final String USAGE = "usage: ingest --input DIR --warehouse DIR [--master URL] [--mapping FILE] [--as-of yyyy-MM-dd] [--reference DIR] "
            + "[--hmac-key-file FILE] [" + DatasetChecks.ALLOW_FLAG + "] [--brief] [--verbose]";
    private static final List<String> OPTIONS = List.of("--input", "--warehouse", "--master", "--mapping", "--as-of", "--reference", "--hmac-key-file");
    /** Options without a value: present or not. */
    private static final List<String> FLAGS = List.of(DatasetChecks.ALLOW_FLAG, "--brief", "--verbose");
    /** Read by log4j2.properties: Spark's own log (its stack traces among it) stays off the terminal unless --verbose. */
    static final String LOG_LEVEL_PROPERTY = "jijukirwa.ingest.log.level";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private IngestMain()
    {
    }

    public static void main(String[] args)
    {
        // before anything starts log4j (Spark's first class does)
        System.setProperty(LOG_LEVEL_PROPERTY, List.of(args).contains("--verbose") ? "warn" : "off");
        boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        System.exit(run(args, System.getenv(), System.out, System.err, terminal ? RunProgress.terminal(System.err) : RunProgress.lines(System.err)));
    }

    /** Runs one ingest, with progress lines on {@code err}, and returns the exit code. */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err)
    {
        return run(args, environment, out, err, RunProgress.lines(err));
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err, RunProgress progress)
    {
        try (progress) {
            return runWith(args, environment, out, err, progress);
        }
    }

    private static int runWith(String[] args, Map<String, String> environment, PrintStream out, PrintStream err, RunProgress progress)
    {
        IngestOptions options;
        String master;
        boolean brief;
        try {
            Map<String, String> values = parse(args);
            brief = values.containsKey("--brief");
            master = master(values.get("--master"), new SparkConf());
            options = options(values, environment, Clock.system(ZoneId.of(IngestJob.TIME_ZONE)));
        }
        catch (IllegalArgumentException e) {
            err.println("ingest: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        catch (IngestException e) {
            err.println("ingest: " + e.getMessage());
            return 1;
        }
        SparkSession spark = null;
        // A session that was already running (a test's, an embedding program's) is theirs to stop.
        boolean ownsSession = SparkSession.getDefaultSession().isEmpty();
        try {
            checkInput(options);
            SparkSession.Builder builder = SparkSession.builder()
                    .appName("jijukirwa-ingest")
                    .master(master)
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.session.timeZone", IngestJob.TIME_ZONE)
                    .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
            // A cluster's executors load the job's own classes from these jars (the launcher names them).
            String jobJars = System.getProperty(JOB_JARS_PROPERTY, "");
            if (!master.startsWith("local") && !jobJars.isBlank()) {
                builder.config("spark.jars", jobJars);
            }
            spark = builder.getOrCreate();
            RunReport report = new IngestJob(spark, Clock.systemUTC(), progress).run(options);
            progress.close();
            report.warnings().forEach(warning -> err.println("ingest: WARNING: " + warning));
            out.print(brief ? report.brief() : report.summary());
            if (brief && report.published()) {
                out.println("The report per file: " + new org.jijukirwa.layout.WarehouseDirectory(options.warehouse()).snapshot(report.snapshotId())
                        .resolve(org.jijukirwa.layout.WarehouseDirectory.RUN_REPORT_FILE));
            }
            out.flush();
            return 0;
        }
        catch (Exception e) {
            // (any exception: Spark throws its checked SparkException undeclared)
            progress.close();  // the live line gives way to the message
            err.println("ingest: " + RunFailure.line(e, options.warehouse()));
            return 1;
        }
        finally {
            if (spark != null && ownsSession) {
                spark.stop();
            }
        }
    }

    /**
     * --master when given, else the master spark-submit (or a cluster's launcher) configured, else local[*]: under
     * spark-submit the job must not override the cluster it was submitted to.
     */
    static String master(String option, SparkConf configured)
    {
        if (option != null) {
            return option;
        }
        return configured.get("spark.master", "local[*]");
    }

    static Map<String, String> parse(String[] args)
    {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value = null;
            int equals = name.indexOf('=');
            if (name.startsWith("--") && equals > 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (FLAGS.contains(name) && value == null) {
                if (values.put(name, "true") != null) {
                    throw new IllegalArgumentException(name + " is given twice");
                }
                continue;
            }
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args[++i];
            }
            if (values.put(name, value) != null) {
                throw new IllegalArgumentException(name + " is given twice");
            }
        }
        for (String required : List.of("--input", "--warehouse")) {
            if (!values.containsKey(required)) {
                throw new IllegalArgumentException(required + " is required");
            }
        }
        return values;
    }

    static IngestOptions options(Map<String, String> values, Map<String, String> environment, Clock kigaliClock)
    {
        LocalDate asOf;
        try {
            asOf = Optional.ofNullable(values.get("--as-of")).map(text -> LocalDate.parse(text, DATE)).orElse(LocalDate.now(kigaliClock));
        }
        catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--as-of must be a date yyyy-MM-dd, not '" + values.get("--as-of") + "'");
        }
        Function<String, Optional<Path>> path = name -> Optional.ofNullable(values.get(name)).map(Path::of);
        return new IngestOptions(path.apply("--input").orElseThrow(), path.apply("--warehouse").orElseThrow(), path.apply("--mapping"), asOf,
                path.apply("--reference"), hmacKey(values.get("--hmac-key-file"), environment), values.containsKey(DatasetChecks.ALLOW_FLAG));
    }

    /** The key's bytes: the file's content without a trailing line break, or the variable's text. */
    static byte[] hmacKey(String keyFileOption, Map<String, String> environment)
    {
        String keyFile = keyFileOption != null ? keyFileOption : environment.get(KEY_FILE_VARIABLE);
        String key;
        if (keyFile != null && !keyFile.isBlank()) {
            try {
                key = Files.readString(Path.of(keyFile), StandardCharsets.UTF_8).strip();
            }
            catch (IOException e) {
                throw new IngestException("cannot read the HMAC key file " + keyFile + ": " + e.getMessage());
            }
        }
        else {
            key = environment.get(KEY_VARIABLE);
        }
        if (key == null || key.isBlank()) {
            throw new IngestException("no HMAC key for national IDs: give --hmac-key-file FILE, or set " + KEY_FILE_VARIABLE + " or " + KEY_VARIABLE);
        }
        return key.strip().getBytes(StandardCharsets.UTF_8);
    }

    private static void checkInput(IngestOptions options)
    {
        if (!Files.isDirectory(options.input())) {
            throw new IngestException("input folder " + options.input() + " does not exist or is not a folder");
        }
        options.mapping().ifPresent(mapping -> {
            if (!Files.isRegularFile(mapping)) {
                throw new IngestException("mapping file " + mapping + " does not exist");
            }
        });
        options.reference().ifPresent(reference -> {
            if (!Files.isDirectory(reference)) {
                throw new IngestException("reference folder " + reference + " does not exist or is not a folder");
            }
        });
    }
}
