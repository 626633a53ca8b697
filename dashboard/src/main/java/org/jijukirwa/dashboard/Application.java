package org.jijukirwa.dashboard;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import org.jijukirwa.dashboard.security.DemoAccounts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves the dashboard and the JSON API over the current snapshot of a warehouse folder:
 * {@code java -cp ... org.jijukirwa.dashboard.Application --warehouse DIR [--port N] [--demo-accounts FILE]
 * [--default-disclosure-key-file FILE]}. The directory may also come from the environment variable
 * {@code JIJUKIRWA_WAREHOUSE}; the command line wins. The default disclosure key file (the launcher's) is created once
 * and used only when the configuration names no {@code jijukirwa.warehouse.disclosure-key-file}.
 */
public final class Application
{
    static final String WAREHOUSE_ENVIRONMENT_VARIABLE = "JIJUKIRWA_WAREHOUSE";
    static final String PORT_PROPERTY = "micronaut.server.port";
    /** Not a server setting: read by main, which turns the file into user accounts. */
    static final String DEMO_ACCOUNTS_OPTION = "--demo-accounts";
    /** Not a server setting: the disclosure key file to create and use when none is configured. */
    static final String DEFAULT_DISCLOSURE_KEY_OPTION = "--default-disclosure-key-file";

    private Application()
    {
    }

    public static void main(String[] args)
            throws IOException
    {
        ServerTempFolder.claimCurrent(ServerTempFolder.STARTING_GRACE);
        Map<String, Object> properties = new LinkedHashMap<>();
        String fromEnvironment = System.getenv(WAREHOUSE_ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            properties.put(WarehouseConfiguration.DIRECTORY_PROPERTY, fromEnvironment);
        }
        List<String> others;
        try {
            others = readOptions(args, properties);
        }
        catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: Application --warehouse DIR [--port N] [--demo-accounts FILE] [--default-disclosure-key-file FILE]");
            System.exit(2);
            return;
        }
        if (!warehouseConfigured(others.toArray(String[]::new), properties)) {
            // before Micronaut starts, so that this is one line rather than a failed bean's stack
            System.err.println("serve: no warehouse folder: give --warehouse DIR (or set " + WAREHOUSE_ENVIRONMENT_VARIABLE + ")");
            System.exit(2);
            return;
        }
        Object defaultKeyFile = properties.remove(DEFAULT_DISCLOSURE_KEY_OPTION);
        if (defaultKeyFile != null && !configured(others.toArray(String[]::new), properties, WarehouseConfiguration.DISCLOSURE_KEY_FILE_PROPERTY)) {
            properties.put(WarehouseConfiguration.DISCLOSURE_KEY_FILE_PROPERTY, DisclosureKeyFile.loadOrCreate(Path.of(defaultKeyFile.toString())).toString());
        }
        Object demoAccountsFile = properties.remove(DEMO_ACCOUNTS_OPTION);
        DemoAccounts accounts = null;
        if (demoAccountsFile != null) {
            accounts = DemoAccounts.loadOrCreate(Path.of(demoAccountsFile.toString()));
            properties.putAll(accounts.userProperties());
        }
        ApplicationContext context = Micronaut.build(others.toArray(String[]::new))
                .mainClass(Application.class)
                .properties(properties)
                .start();
        if (accounts != null) {
            Path warehouse = context.getBean(WarehouseConfiguration.class).directory();
            System.out.print(demoBlock(context.getBean(EmbeddedServer.class).getURL().toString(), accounts, warehouse, Path.of(demoAccountsFile.toString())));
            System.out.flush();
        }
    }

    /** What the demo prints last, once the server answers: where to go, who to sign in as, where the data is, how to stop. */
    static String demoBlock(String url, DemoAccounts accounts, Path warehouse, Path accountsFile)
    {
        Path state = accountsFile.toAbsolutePath().normalize().getParent();
        return "\n"
                + "Jijukirwa demo: " + url + "/\n"
                + accounts.describe()
                + "Data: " + warehouse.toAbsolutePath().normalize() + " (the snapshots); " + state + " (HMAC key, disclosure key, demo accounts)\n"
                + "Stop: Ctrl-C. Run ./jijukirwa demo again to start where you left off.\n";
    }

    /** Whether the server's configuration (these properties, the arguments, the environment, config files) names a warehouse folder. */
    static boolean warehouseConfigured(String[] args, Map<String, Object> properties)
    {
        return configured(args, properties, WarehouseConfiguration.DIRECTORY_PROPERTY);
    }

    /** Whether the server's configuration gives a non-blank value to the property. */
    static boolean configured(String[] args, Map<String, Object> properties, String property)
    {
        Environment environment = ApplicationContext.builder().args(args).properties(properties).build().getEnvironment();
        environment.start();
        try {
            return environment.getProperty(property, String.class).filter(value -> !value.isBlank()).isPresent();
        }
        finally {
            environment.stop();
        }
    }

    /**
     * Moves {@code --warehouse DIR}, {@code --port N}, {@code --demo-accounts FILE} and
     * {@code --default-disclosure-key-file FILE} (or {@code --name=value})
     * into properties; returns the other arguments.
     */
    static List<String> readOptions(String[] args, Map<String, Object> properties)
    {
        List<String> others = new ArrayList<>();
        for (int index = 0; index < args.length; index++) {
            String argument = args[index];
            String name = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
            String property = switch (name) {
                case "--warehouse" -> WarehouseConfiguration.DIRECTORY_PROPERTY;
                case "--port" -> PORT_PROPERTY;
                case DEMO_ACCOUNTS_OPTION -> DEMO_ACCOUNTS_OPTION;
                case DEFAULT_DISCLOSURE_KEY_OPTION -> DEFAULT_DISCLOSURE_KEY_OPTION;
                default -> null;
            };
            if (property == null) {
                others.add(argument);
                continue;
            }
            String value;
            if (argument.contains("=")) {
                value = argument.substring(argument.indexOf('=') + 1);
            }
            else if (index + 1 < args.length) {
                value = args[++index];
            }
            else {
                throw new IllegalArgumentException(name + " needs a value");
            }
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            if (property.equals(PORT_PROPERTY) && !value.matches("\\d{1,5}")) {
                throw new IllegalArgumentException("--port needs a port number, not '" + value + "'");
            }
            properties.put(property, value);
        }
        return others;
    }
}
