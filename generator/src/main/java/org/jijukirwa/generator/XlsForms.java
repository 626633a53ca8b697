package org.jijukirwa.generator;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The programme's four XLSForms, one per record set, as data: the source of
 * {@code forms/*.xlsx} (written by {@link FormsMain}) and of the field exports
 * the generator writes. Field names are the data contract's column names, so
 * an export with names needs no mapping; constraints mirror the contract's
 * rules (no date in the future, registration not before formation, birth year
 * 1920 to this year and 16 or older on joining, scores 0 to 100). Choice lists
 * are the reference lists (districts by NISR code, value chains, topics).
 * French and Kinyarwanda labels follow shared/spec/glossary.md; the
 * Kinyarwanda ones need a native speaker's review before a release.
 */
final class XlsForms
{
    static final String VERSION = "2018010101";
    static final String ENGLISH = "English (en)";
    static final String FRENCH = "French (fr)";
    static final String KINYARWANDA = "Kinyarwanda (rw)";
    static final List<String> LANGUAGES = List.of(ENGLISH, FRENCH, KINYARWANDA);

    /** A text in the three languages of the forms. */
    record Labels(String en, String fr, String rw)
    {
        Labels
        {
            requireNonNull(en, "en is null");
            requireNonNull(fr, "fr is null");
            requireNonNull(rw, "rw is null");
        }

        String in(String language)
        {
            return switch (language) {
                case ENGLISH -> en;
                case FRENCH -> fr;
                case KINYARWANDA -> rw;
                default -> throw new IllegalArgumentException("no such language: " + language);
            };
        }
    }

    /** One row of the survey sheet; null columns are left empty. */
    record Question(String type, String name, Labels label, boolean required, String relevant, String constraint, Labels constraintMessage,
            String appearance, String hxl)
    {
        Question
        {
            requireNonNull(type, "type is null");
        }

        /** The list of a select_one / select_multiple, else null. */
        String listName()
        {
            int space = type.indexOf(' ');
            return type.startsWith("select_") && space > 0 ? type.substring(space + 1).strip() : null;
        }

        boolean isSelectMultiple()
        {
            return type.startsWith("select_multiple ");
        }
    }

    record Choice(String listName, String name, Labels label)
    {
    }

    /** One form: its file under forms/, the record set it feeds, settings, survey and choices. */
    record XlsForm(String fileName, Dataset dataset, String formId, Labels title, List<Question> survey, List<Choice> choices)
    {
        List<Question> fields()
        {
            return survey.stream().filter(question -> !question.type().startsWith("begin_") && !question.type().startsWith("end_")
                    && !isMetadata(question.type())).toList();
        }

        Question field(String name)
        {
            return survey.stream().filter(question -> name.equals(question.name())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(formId + " has no field " + name));
        }

        List<Choice> choices(String listName)
        {
            return choices.stream().filter(choice -> choice.listName().equals(listName)).toList();
        }

        Choice choice(String listName, String name)
        {
            return choices(listName).stream().filter(choice -> choice.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(formId + ": list " + listName + " has no choice " + name));
        }
    }

    static final List<String> METADATA_TYPES = List.of("start", "end", "today", "deviceid", "username", "phonenumber", "audit");

    static boolean isMetadata(String type)
    {
        return METADATA_TYPES.contains(type);
    }

    // Declared before the forms, which read them while the class initialises.
    /** French and Kinyarwanda names of the value chains, in ValueChain order (codes and English labels are ValueChain's). */
    private static final List<List<String>> VALUE_CHAIN_TRANSLATIONS = List.of(
            List.of("Couture et confection", "Ubudozi"),
            List.of("Coiffure et esthétique", "Gutunganya imisatsi n'ubwiza"),
            List.of("Menuiserie", "Ububaji"),
            List.of("Soudure et construction métallique", "Gusudira"),
            List.of("Maçonnerie et construction", "Ubwubatsi"),
            List.of("Transport par moto-taxi", "Gutwara abantu kuri moto"),
            List.of("Transport à vélo", "Gutwara abantu ku igare"),
            List.of("Artisanat et vannerie", "Ubukorikori no kuboha ibiseke"),
            List.of("Transformation alimentaire", "Gutunganya ibiribwa"),
            List.of("Restauration et vente d'aliments", "Gucuruza ibiryo"),
            List.of("Mécanique automobile", "Ubukanishi bw'imodoka"),
            List.of("Réparation électrique et électronique", "Gusana ibikoresho by'amashanyarazi"),
            List.of("Cordonnerie et maroquinerie", "Gukora inkweto n'ibikomoka ku mpu"),
            List.of("Petit commerce de détail", "Ubucuruzi buciriritse"),
            List.of("Vente de produits agricoles", "Gucuruza umusaruro w'ubuhinzi"));

    private static final List<Labels> TOPIC_LABELS = List.of(
            new Labels("Cooperative principles", "Principes coopératifs", "Amahame ya koperative"),
            new Labels("Governance", "Gouvernance", "Imiyoborere"),
            new Labels("Business plan", "Plan d'affaires", "Igenamigambi ry'ubucuruzi"),
            new Labels("Market opportunities", "Opportunités de marché", "Amahirwe ku isoko"),
            new Labels("Financial management", "Gestion financière", "Imicungire y'imari"),
            new Labels("Labour union", "Syndicat", "Sendika"),
            new Labels("Occupational safety and health", "Santé et sécurité au travail", "Ubuzima n'umutekano ku kazi"),
            new Labels("Rights and laws", "Droits et lois", "Uburenganzira n'amategeko"),
            new Labels("Leadership", "Leadership", "Ubuyobozi"),
            new Labels("Record keeping", "Tenue des registres", "Kubika inyandiko"),
            new Labels("Savings and credit", "Épargne et crédit", "Kuzigama n'inguzanyo"));

    private static final Labels NOT_IN_FUTURE = new Labels("The date cannot be in the future.", "La date ne peut pas être dans le futur.",
            "Itariki ntishobora kuba iri imbere.");
    private static final Labels NOT_BEFORE_FORMATION = new Labels("Not in the future, and not before the cooperative was formed.",
            "Ni dans le futur, ni avant la constitution de la coopérative.", "Ntibe iri imbere, kandi ntibe mbere y'uko koperative ishingwa.");
    private static final Labels NOT_BEFORE_JOINING = new Labels("Not in the future, and not before the member joined.",
            "Ni dans le futur, ni avant l'adhésion du membre.", "Ntibe iri imbere, kandi ntibe mbere y'uko umunyamuryango yinjira.");
    private static final Labels BIRTH_YEAR = new Labels("From 1920 to this year; the member is 16 or older on joining.",
            "De 1920 à cette année ; le membre a 16 ans ou plus à l'adhésion.",
            "Kuva 1920 kugeza uyu mwaka; umunyamuryango afite nibura imyaka 16 igihe yinjira.");
    private static final Labels SCORE = new Labels("A score from 0 to 100.", "Un score de 0 à 100.", "Amanota kuva kuri 0 kugeza ku 100.");
    private static final Labels COOPERATIVE_ID_FORMAT = new Labels("Like COOP-GAS-0001.", "Comme COOP-GAS-0001.", "Nka COOP-GAS-0001.");
    private static final String COOPERATIVE_ID_PATTERN = "regex(., '^COOP-[A-Z]{3}-[A-Z0-9]{4}$')";
    private static final String NOT_IN_FUTURE_CONSTRAINT = ". <= today()";

    static final XlsForm COOPERATIVES = new XlsForm("cooperatives.xlsx", Dataset.COOPERATIVES, "jijukirwa_cooperatives",
            new Labels("Cooperative registration", "Enregistrement de la coopérative", "Iyandikwa rya koperative"),
            List.of(
                    metadata("start"), metadata("end"),
                    begin("grp_coop", new Labels("Cooperative", "Coopérative", "Koperative")),
                    new Question("text", "cooperative_id", new Labels("Cooperative ID", "Identifiant de la coopérative", "Nomero iranga koperative"),
                            true, null, COOPERATIVE_ID_PATTERN, COOPERATIVE_ID_FORMAT, null, "#org+id"),
                    text("cooperative_name", new Labels("Cooperative name", "Nom de la coopérative", "Izina rya koperative"), false),
                    new Question("select_one district", "district", new Labels("District", "District", "Akarere"), true, null, null, null, "minimal",
                            "#adm2+code"),
                    text("sector", new Labels("Sector", "Secteur", "Umurenge"), false),
                    new Question("select_one value_chain", "value_chain", new Labels("Value chain", "Chaîne de valeur", "Urunigi nyongeragaciro"), true,
                            null, null, null, "minimal", "#sector+code"),
                    end("grp_coop"),
                    begin("grp_formalisation", new Labels("Formalisation steps", "Étapes de formalisation", "Intambwe z'ivugururwa")),
                    date("formed_on", new Labels("Date the group was formed", "Date de constitution du groupe", "Itariki itsinda ryashingiweho"), true,
                            null, NOT_IN_FUTURE_CONSTRAINT, NOT_IN_FUTURE),
                    date("applied_on", new Labels("Date the registration file was submitted to RCA", "Date de dépôt du dossier auprès de la RCA",
                            "Itariki dosiye yo kwiyandikisha yashyikirijwe RCA"), false, null, ". <= today() and . >= ${formed_on}", NOT_BEFORE_FORMATION),
                    date("registered_on", new Labels("Date registered with RCA", "Date d'enregistrement auprès de la RCA", "Itariki yanditswe muri RCA"),
                            false, "${applied_on} != ''", ". <= today() and . >= ${formed_on}", NOT_BEFORE_FORMATION),
                    new Question("text", "rca_certificate_no", new Labels("RCA certificate number", "Numéro du certificat RCA",
                            "Nomero y'icyemezo cya RCA"), false, "${registered_on} != ''", null, null, null, null),
                    date("bdc_linked_on", new Labels("First use of a Business Development Centre service",
                            "Premier recours à un Centre de développement des entreprises", "Bwa mbere ikoresheje serivisi z'Ikigo giteza imbere ubucuruzi (BDC)"),
                            false, null, ". <= today() and . >= ${formed_on}", NOT_BEFORE_FORMATION),
                    date("union_affiliated_on", new Labels("Date affiliated to a labour union", "Date d'affiliation à un syndicat",
                            "Itariki yinjiye muri sendika"), false, null, ". <= today() and . >= ${formed_on}", NOT_BEFORE_FORMATION),
                    end("grp_formalisation")),
            concat(districtChoices(), valueChainChoices()));

    static final XlsForm MEMBERS = new XlsForm("members.xlsx", Dataset.MEMBERS, "jijukirwa_members",
            new Labels("Member registration", "Enregistrement des membres", "Iyandikwa ry'abanyamuryango"),
            List.of(
                    metadata("start"), metadata("end"),
                    begin("grp_member", new Labels("Member", "Membre", "Umunyamuryango")),
                    text("member_id", new Labels("Member ID", "Identifiant du membre", "Nomero iranga umunyamuryango"), true),
                    new Question("text", "cooperative_id", new Labels("Cooperative ID", "Identifiant de la coopérative", "Nomero iranga koperative"),
                            true, null, COOPERATIVE_ID_PATTERN, COOPERATIVE_ID_FORMAT, null, "#org+id"),
                    text("full_name", new Labels("Full name", "Nom complet", "Amazina yombi"), false),
                    new Question("text", "national_id", new Labels("National ID number", "Numéro de la carte d'identité", "Nomero y'indangamuntu"), false,
                            null, "regex(., '^[0-9]{16}$')", new Labels("16 digits.", "16 chiffres.", "Imibare 16."), "numbers", null),
                    new Question("text", "phone", new Labels("Phone number", "Numéro de téléphone", "Nomero ya telefoni"), false, null,
                            "regex(., '^07[0-9]{8}$')", new Labels("Like 0781234567.", "Comme 0781234567.", "Nka 0781234567."), "numbers", null),
                    new Question("select_one sex", "sex", new Labels("Sex", "Sexe", "Igitsina"), false, null, null, null, null, "#indicator+sex"),
                    new Question("select_one yes_no", "disability", new Labels("Has a disability", "En situation de handicap", "Afite ubumuga"), false,
                            null, null, null, null, null),
                    end("grp_member"),
                    begin("grp_membership", new Labels("Membership", "Adhésion", "Ubunyamuryango")),
                    date("joined_on", new Labels("Date joined", "Date d'adhésion", "Itariki yinjiriyeho"), true, null, NOT_IN_FUTURE_CONSTRAINT,
                            NOT_IN_FUTURE),
                    new Question("integer", "birth_year", new Labels("Year of birth", "Année de naissance", "Umwaka w'amavuko"), false, null,
                            ". >= 1920 and . <= int(format-date(today(), '%Y')) and . <= int(format-date(${joined_on}, '%Y')) - 16", BIRTH_YEAR, null,
                            "#indicator+birthyear"),
                    date("left_on", new Labels("Date left", "Date de départ", "Itariki yavuyemo"), false, null, ". <= today() and . >= ${joined_on}",
                            NOT_BEFORE_JOINING),
                    end("grp_membership")),
            concat(List.of(
                    new Choice("sex", "F", new Labels("Female", "Femme", "Gore")),
                    new Choice("sex", "M", new Labels("Male", "Homme", "Gabo")),
                    new Choice("yes_no", "yes", new Labels("Yes", "Oui", "Yego")),
                    new Choice("yes_no", "no", new Labels("No", "Non", "Oya")))));

    static final XlsForm TRAININGS = new XlsForm("trainings.xlsx", Dataset.TRAININGS, "jijukirwa_trainings",
            new Labels("Training attendance", "Présence aux formations", "Abitabiriye amahugurwa"),
            List.of(
                    metadata("start"), metadata("end"),
                    begin("grp_session", new Labels("Training session", "Séance de formation", "Isomo ry'amahugurwa")),
                    text("session_id", new Labels("Session ID", "Identifiant de la séance", "Nomero iranga isomo"), true),
                    date("held_on", new Labels("Date held", "Date de la séance", "Itariki ryabereyeho"), true, null, NOT_IN_FUTURE_CONSTRAINT,
                            NOT_IN_FUTURE),
                    new Question("select_one district", "district", new Labels("District", "District", "Akarere"), true, null, null, null, "minimal",
                            "#adm2+code"),
                    new Question("select_one topic", "topic", new Labels("Topic", "Thème", "Insanganyamatsiko"), true, null, null, null, "minimal", null),
                    text("facilitator", new Labels("Facilitator", "Animateur", "Umuhugura"), false),
                    end("grp_session"),
                    new Question("begin_repeat", "attendee", new Labels("Attendee", "Participant", "Uwitabiriye"), false, null, null, null, null, null),
                    new Question("text", "cooperative_id", new Labels("Cooperative ID", "Identifiant de la coopérative", "Nomero iranga koperative"),
                            true, null, COOPERATIVE_ID_PATTERN, COOPERATIVE_ID_FORMAT, null, "#org+id"),
                    text("member_id", new Labels("Member ID (if a registered member)", "Identifiant du membre (si membre enregistré)",
                            "Nomero iranga umunyamuryango (niba yanditswe)"), false),
                    new Question("select_one attendee_role", "attendee_role", new Labels("Role", "Rôle", "Uruhare"), false, null, null, null, null, null),
                    end("attendee", "end_repeat")),
            concat(districtChoices(), topicChoices(), List.of(
                    new Choice("attendee_role", "representative", new Labels("Representative", "Représentant", "Uhagarariye")),
                    new Choice("attendee_role", "member", new Labels("Member", "Membre", "Umunyamuryango")),
                    new Choice("attendee_role", "leader", new Labels("Leader", "Dirigeant", "Umuyobozi")),
                    new Choice("attendee_role", "local_leader", new Labels("Local leader", "Autorité locale", "Umuyobozi w'inzego z'ibanze")))));

    static final XlsForm COACHING = new XlsForm("coaching.xlsx", Dataset.COACHING, "jijukirwa_coaching",
            new Labels("Coaching visit", "Visite d'accompagnement", "Uruzinduko rw'ubujyanama"),
            List.of(
                    metadata("start"), metadata("end"),
                    begin("grp_visit", new Labels("Coaching visit", "Visite d'accompagnement", "Uruzinduko rw'ubujyanama")),
                    text("visit_id", new Labels("Visit ID", "Identifiant de la visite", "Nomero iranga uruzinduko"), true),
                    new Question("text", "cooperative_id", new Labels("Cooperative ID", "Identifiant de la coopérative", "Nomero iranga koperative"),
                            true, null, COOPERATIVE_ID_PATTERN, COOPERATIVE_ID_FORMAT, null, "#org+id"),
                    date("visited_on", new Labels("Date of the visit", "Date de la visite", "Itariki y'uruzinduko"), true, null, NOT_IN_FUTURE_CONSTRAINT,
                            NOT_IN_FUTURE),
                    text("coach", new Labels("Coach", "Accompagnateur", "Umujyanama"), false),
                    end("grp_visit"),
                    begin("grp_assessment", new Labels("Assessment", "Évaluation", "Isuzuma")),
                    new Question("select_multiple topic", "topics", new Labels("Topics covered", "Thèmes abordés", "Insanganyamatsiko zaganiriweho"),
                            false, null, null, null, "minimal", null),
                    new Question("integer", "maturity_score", new Labels("Maturity score (0-100)", "Score de maturité (0-100)",
                            "Amanota y'ubukure (0-100)"), false, null, ". >= 0 and . <= 100", SCORE, null, "#indicator+score"),
                    date("follow_up_due", new Labels("Follow-up due", "Suivi prévu le", "Itariki yo gukurikirana"), false, null, ". >= ${visited_on}",
                            new Labels("Not before the visit.", "Pas avant la visite.", "Ntibe mbere y'uruzinduko.")),
                    new Question("text", "notes", new Labels("Notes", "Notes", "Ibisobanuro"), false, null, null, null, "multiline", null),
                    end("grp_assessment")),
            topicChoices());

    static final List<XlsForm> ALL = List.of(COOPERATIVES, MEMBERS, TRAININGS, COACHING);

    private XlsForms()
    {
    }

    private static List<Choice> districtChoices()
    {
        return Districts.ALL.stream().map(district -> new Choice("district", district.code(), new Labels(district.name(), district.name(), district.name())))
                .toList();
    }

    private static List<Choice> valueChainChoices()
    {
        List<Choice> choices = new ArrayList<>();
        for (ValueChain chain : ValueChain.values()) {
            List<String> translated = VALUE_CHAIN_TRANSLATIONS.get(chain.ordinal());
            choices.add(new Choice("value_chain", chain.code(), new Labels(chain.label(), translated.get(0), translated.get(1))));
        }
        return choices;
    }

    private static List<Choice> topicChoices()
    {
        List<Choice> choices = new ArrayList<>();
        for (int index = 0; index < Topics.ALL.size(); index++) {
            choices.add(new Choice("topic", Topics.ALL.get(index), TOPIC_LABELS.get(index)));
        }
        return choices;
    }

    @SafeVarargs
    private static List<Choice> concat(List<Choice>... lists)
    {
        List<Choice> all = new ArrayList<>();
        for (List<Choice> list : lists) {
            all.addAll(list);
        }
        return List.copyOf(all);
    }

    private static Question metadata(String type)
    {
        return new Question(type, type, null, false, null, null, null, null, null);
    }

    private static Question begin(String name, Labels label)
    {
        return new Question("begin_group", name, label, false, null, null, null, "field-list", null);
    }

    private static Question end(String name)
    {
        return end(name, "end_group");
    }

    private static Question end(String name, String type)
    {
        return new Question(type, name, null, false, null, null, null, null, null);
    }

    private static Question text(String name, Labels label, boolean required)
    {
        return new Question("text", name, label, required, null, null, null, null, null);
    }

    private static Question date(String name, Labels label, boolean required, String relevant, String constraint, Labels message)
    {
        return new Question("date", name, label, required, relevant, constraint, message, null, null);
    }
}
