package org.jijukirwa.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code FormsMain DIR}: writes the programme's XLSForms ({@link XlsForms})
 * as DIR/cooperatives.xlsx, members.xlsx, trainings.xlsx and coaching.xlsx,
 * with survey, choices and settings sheets, ready to upload to KoboToolbox or
 * ODK Central. Same source, same bytes; the repository's forms/ folder is
 * what this writes (FormsFolderTest checks it).
 */
public final class FormsMain
{
    static final List<String> SURVEY_COLUMNS = columns(List.of("type", "name"), "label", List.of("required", "relevant", "constraint"),
            "constraint_message", List.of("appearance", "hxl"));
    static final List<String> CHOICES_COLUMNS = columns(List.of("list_name", "name"), "label", List.of(), null, List.of());
    static final List<String> SETTINGS_COLUMNS = List.of("form_title", "form_id", "version", "default_language");

    private FormsMain()
    {
    }

    public static void main(String[] arguments)
            throws IOException
    {
        if (arguments.length != 1) {
            System.err.println("usage: FormsMain DIR  (writes the four XLSForms into DIR)");
            System.exit(2);
        }
        for (Path written : write(Path.of(arguments[0]))) {
            System.out.println("wrote " + written);
        }
    }

    static List<Path> write(Path folder)
            throws IOException
    {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        for (XlsForms.XlsForm form : XlsForms.ALL) {
            Path file = folder.resolve(form.fileName());
            workbook(form).write(file);
            written.add(file);
        }
        return written;
    }

    static XlsxWorkbook workbook(XlsForms.XlsForm form)
    {
        List<List<String>> survey = new ArrayList<>();
        survey.add(SURVEY_COLUMNS);
        for (XlsForms.Question question : form.survey()) {
            List<String> row = new ArrayList<>(List.of(question.type(), question.name()));
            for (String language : XlsForms.LANGUAGES) {
                row.add(question.label() == null ? null : question.label().in(language));
            }
            row.add(question.required() ? "yes" : null);
            row.add(question.relevant());
            row.add(question.constraint());
            for (String language : XlsForms.LANGUAGES) {
                row.add(question.constraintMessage() == null ? null : question.constraintMessage().in(language));
            }
            row.add(question.appearance());
            row.add(question.hxl());
            survey.add(row);
        }
        List<List<String>> choices = new ArrayList<>();
        choices.add(CHOICES_COLUMNS);
        for (XlsForms.Choice choice : form.choices()) {
            List<String> row = new ArrayList<>(List.of(choice.listName(), choice.name()));
            for (String language : XlsForms.LANGUAGES) {
                row.add(choice.label().in(language));
            }
            choices.add(row);
        }
        List<List<String>> settings = List.of(SETTINGS_COLUMNS,
                List.of(form.title().en(), form.formId(), XlsForms.VERSION, XlsForms.ENGLISH));
        return new XlsxWorkbook()
                .sheet("survey", XlsxWorkbook.textRows(survey))
                .sheet("choices", XlsxWorkbook.textRows(choices))
                .sheet("settings", XlsxWorkbook.textRows(settings));
    }

    private static List<String> columns(List<String> first, String translated, List<String> middle, String translatedAfter, List<String> last)
    {
        List<String> columns = new ArrayList<>(first);
        XlsForms.LANGUAGES.forEach(language -> columns.add(translated + "::" + language));
        columns.addAll(middle);
        if (translatedAfter != null) {
            XlsForms.LANGUAGES.forEach(language -> columns.add(translatedAfter + "::" + language));
        }
        columns.addAll(last);
        return List.copyOf(columns);
    }
}
