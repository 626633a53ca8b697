package org.jijukirwa.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The XLSForms an export may come from: the programme's shipped forms (the project's {@code forms/*.xlsx},
 * on the classpath under {@code forms/}) and any XLSForm dropped into the input folder (an {@code .xlsx}
 * with a {@code survey} sheet). An export is matched to a form by its form id (ODK Central's
 * {@code <form_id>.csv} inside the zip, a file name that starts with the form id, a Kobo sheet named after
 * the form's title or id), else by its columns: the form whose fields (names, group paths or labels) name
 * the most of the export's first table's non-metadata columns (a select_multiple's option columns count as
 * named), at least two and at least half of them.
 */
public final class FormLibrary
{
    private static final String SHIPPED = "forms";
    private static final int KOBO_SHEET_NAME_LENGTH = 31;

    private final List<XlsForm> forms;

    public FormLibrary(List<XlsForm> forms)
    {
        this.forms = List.copyOf(forms);
    }

    public static FormLibrary none()
    {
        return new FormLibrary(List.of());
    }

    /** The input folder's XLSForms (given by path) and the shipped ones. */
    public static FormLibrary load(List<Path> inputForms)
    {
        return load(inputForms, FormLibrary.class.getClassLoader());
    }

    /** The input folder's XLSForms, then those under forms/ of a class loader (the input's come first when both fit). */
    static FormLibrary load(List<Path> inputForms, ClassLoader shippedWith)
    {
        List<XlsForm> forms = new ArrayList<>();
        for (Path form : inputForms) {
            forms.add(XlsForm.read(form));
        }
        forms.addAll(shipped(shippedWith));
        return new FormLibrary(forms);
    }

    public List<XlsForm> forms()
    {
        return forms;
    }

    public Optional<XlsForm> match(String relativePath, List<String> tableNames, Map<String, List<String>> headers)
    {
        String fileName = relativePath.substring(relativePath.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        for (XlsForm form : forms) {
            String id = form.formId().toLowerCase(Locale.ROOT);
            String title = form.formTitle().toLowerCase(Locale.ROOT);
            String sheetTitle = title.length() > KOBO_SHEET_NAME_LENGTH ? title.substring(0, KOBO_SHEET_NAME_LENGTH) : title;
            for (String table : tableNames) {
                String name = table.toLowerCase(Locale.ROOT).strip();
                if (!id.isEmpty() && (name.equals(id + ".csv") || name.equals(id)) || !sheetTitle.isEmpty() && name.equals(sheetTitle)) {
                    return Optional.of(form);
                }
            }
            if (!id.isEmpty() && fileName.startsWith(id + ".")) {
                return Optional.of(form);
            }
        }
        List<String> header = tableNames.isEmpty() ? List.of() : headers.getOrDefault(tableNames.get(0), List.of());
        List<String> questions = header.stream().filter(name -> !FieldExportPlanner.isMetadata(ColumnResolver.normalise(name))).toList();
        XlsForm best = null;
        long bestCount = 0;
        for (XlsForm form : forms) {
            long count = questions.stream().filter(name -> names(form, name)).count();
            if (count > bestCount) {
                best = form;
                bestCount = count;
            }
        }
        return bestCount >= 2 && bestCount * 2 >= questions.size() ? Optional.of(best) : Optional.empty();
    }

    /** Whether a form names a column: a field by path, name or label, or an option column of a select_multiple (`topics/osh`). */
    private static boolean names(XlsForm form, String column)
    {
        if (form.field(column).isPresent() || form.field(lastSegment(column)).isPresent()) {
            return true;
        }
        int slash = column.lastIndexOf('/');
        if (slash <= 0) {
            return false;
        }
        String prefix = column.substring(0, slash);
        return form.field(prefix).or(() -> form.field(lastSegment(prefix))).map(XlsForm.Field::isSelectMultiple).orElse(false);
    }

    static String lastSegment(String name)
    {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /** The XLSForms shipped on the classpath under forms/ (a folder when run from classes, entries when run from a jar). */
    private static List<XlsForm> shipped(ClassLoader loader)
    {
        URL url = loader.getResource(SHIPPED);
        if (url == null) {
            return List.of();
        }
        List<XlsForm> forms = new ArrayList<>();
        try {
            if (url.getProtocol().equals("file")) {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    for (Path file : files.filter(FormLibrary::isXlsx).sorted().toList()) {
                        forms.add(XlsForm.read(file));
                    }
                }
            }
            else if (url.getProtocol().equals("jar")) {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                        JarEntry entry = entries.nextElement();
                        if (entry.getName().startsWith(SHIPPED + "/") && isXlsx(Path.of(entry.getName()))) {
                            Path copy = Files.createTempFile("jijukirwa-form-", ".xlsx");
                            try (InputStream in = jar.getInputStream(entry)) {
                                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                                forms.add(XlsForm.read(copy));
                            }
                            finally {
                                Files.deleteIfExists(copy);
                            }
                        }
                    }
                }
            }
        }
        catch (IOException | URISyntaxException e) {
            throw new UncheckedIOException("cannot read the shipped forms", e instanceof IOException io ? io : new IOException(e));
        }
        return forms;
    }

    private static boolean isXlsx(Path file)
    {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }
}
