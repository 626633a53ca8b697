package org.jijukirwa.dashboard;

import io.micronaut.runtime.Micronaut;
import org.jijukirwa.dashboard.security.DemoAccounts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves the dashboard and the JSON API over the current snapshot of a warehouse folder:
 * {@code java -cp ... org.jijukirwa.dashboard.Application --warehouse DIR [--port N] [--demo-accounts FILE]}.
 * The directory may also come from the environment variable {@code JIJUKIRWA_WAREHOUSE}; the command line wins.
 */
public final class Application
{
    static final String WAREHOUSE_ENVIRONMENT_VARIABLE = "JIJUKIRWA_WAREHOUSE";
    static final String PORT_PROPERTY = "micronaut.server.port";
    /** Not a server setting: read by main, which turns the file into user accounts. */
    static final String DEMO_ACCOUNTS_OPTION = "--demo-accounts";

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
            System.err.println("usage: Application --warehouse DIR [--port N] [--demo-accounts FILE]");
            System.exit(2);
            return;
        }
        Object demoAccountsFile = properties.remove(DEMO_ACCOUNTS_OPTION);
        if (demoAccountsFile != null) {
            DemoAccounts accounts = DemoAccounts.loadOrCreate(Path.of(demoAccountsFile.toString()));
            properties.putAll(accounts.userProperties());
            System.out.print(accounts.describe());
        }
        Micronaut.build(others.toArray(String[]::new))
                .mainClass(Application.class)
                .properties(properties)
                .start();
    }

    /**
     * Moves {@code --warehouse DIR}, {@code --port N} and {@code --demo-accounts FILE} (or {@code --name=value})
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
