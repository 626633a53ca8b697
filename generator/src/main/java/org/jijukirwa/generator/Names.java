package org.jijukirwa.generator;

import java.util.List;
import java.util.SplittableRandom;

/** Word lists for names of people, cooperatives, coaches and facilitators. All invented. */
final class Names
{
    static final List<String> SURNAMES = List.of(
            "Mukamana", "Uwimana", "Niyonzima", "Habimana", "Nshimiyimana", "Ndayisaba", "Mugisha", "Iradukunda", "Ishimwe",
            "Uwase", "Ingabire", "Mukeshimana", "Nsengiyumva", "Hakizimana", "Twagirayezu", "Munyaneza", "Uwera", "Kayitesi",
            "Nyirahabimana", "Mukandayisenga", "Bizimana", "Ntwari", "Rukundo", "Uwamahoro", "Tuyishime", "Niyitegeka",
            "Uwizeye", "Mutoni", "Umutoni", "Nyiransabimana", "Hagenimana", "Nzabonimpa", "Mukarugwiza", "Byiringiro", "Manzi",
            "Nkurunziza", "Ngabonziza", "Sibomana", "Uwitonze", "Gasana", "Kamanzi", "Mukamurenzi", "Habineza", "Nsabimana");
    static final List<String> WOMEN_FIRST_NAMES = List.of(
            "Aline", "Alice", "Béatrice", "Chantal", "Claudine", "Clémentine", "Diane", "Immaculée", "Jeanne", "Josiane", "Marie",
            "Olive", "Solange", "Vestine", "Grace", "Odette", "Francine", "Agnès", "Spéciose", "Espérance", "Jacqueline",
            "Delphine", "Annonciata", "Clarisse", "Divine", "Sandrine", "Console", "Donatha");
    static final List<String> MEN_FIRST_NAMES = List.of(
            "Didier", "Eric", "Emmanuel", "Fabrice", "Félicien", "Innocent", "Jean", "Jean de Dieu", "Jean Paul", "Olivier",
            "Samuel", "Aimable", "Théogène", "Alexis", "Patrick", "Claude", "Jean Bosco", "Pacifique", "Vincent", "Faustin",
            "Gilbert", "Théoneste", "Anastase", "Evariste", "Callixte", "Jean Damascène");
    static final List<String> COOPERATIVE_WORDS = List.of(
            "Abishyizehamwe", "Indatwa", "Dufatanye", "Tuzamurane", "Terimbere", "Inyange", "Komeza Umuhate", "Girubuntu",
            "Jyambere", "Abanyamurava", "Amahoro", "Ejo Heza", "Abadahigwa", "Abakorana Umurava", "Abunzubumwe",
            "Turwanye Ubukene", "Imbaraga", "Intwari", "Iterambere", "Umucyo", "Abahuzamugambi", "Duharanire Amajyambere",
            "Twisungane", "Ubumwe", "Twiteze Imbere", "Icyerekezo");
    /** Coaches by province code ("1" = Kigali City ... "5" = Eastern). */
    static final List<List<String>> COACHES_BY_PROVINCE = List.of(
            List.of("Uwizeye Francine", "Bizimana Jean Paul", "Mukandayisenga Odette"),
            List.of("Ntwari Éric", "Nyirahabimana Agnès", "Habineza Gilbert"),
            List.of("Rukundo Félix", "Uwamahoro Grace", "Niyomugabo Vincent"),
            List.of("Mukamurenzi Spéciose", "Tuyisenge Patrick", "Nzeyimana Claude"),
            List.of("Uwingabire Delphine", "Gatera Emmanuel", "Kamanzi Jacqueline"));
    static final List<String> FACILITATORS = List.of(
            "CESTRAR facilitator", "RCA trainer", "Mugabo, Alexis (BDC)", "NCBS \"Cooperative\" expert", "Uwizeye Francine",
            "District cooperative officer", "COTRAF trainer", "BDC advisor; Kigali office");
    static final List<String> ROUTINE_NOTES = List.of(
            "Met the chair, books up to date.",
            "Discussed \"RCA\" file; missing minutes of the general assembly",
            "Visit postponed;\nmembers at the market",
            "Savings up, 3 new members joined",
            "Leadership dispute, follow up with the sector officer",
            "Workshop visited; OSH kit missing (gloves, goggles)",
            "General assembly held, new committee elected");

    private Names()
    {
    }

    static String fullName(SplittableRandom random, char sex)
    {
        List<String> firstNames = sex == 'F' ? WOMEN_FIRST_NAMES : sex == 'M' ? MEN_FIRST_NAMES
                : (random.nextBoolean() ? WOMEN_FIRST_NAMES : MEN_FIRST_NAMES);
        return Draws.pick(random, SURNAMES) + " " + Draws.pick(random, firstNames);
    }

    /** A Rwandan mobile number, written as field officers write them. */
    static String phone(SplittableRandom random)
    {
        String prefix = Draws.pick(random, List.of("8", "8", "8", "9", "2", "3"));
        String subscriber = Text.pad(random.nextInt(10_000_000), 7);
        return random.nextInt(4) == 0 ? "07" + prefix + subscriber : "+2507" + prefix + subscriber;
    }

    /** Free-text notes; some hold a name and a phone number, as real notes do. */
    static String visitNote(SplittableRandom random)
    {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return "Treasurer " + Draws.pick(random, SURNAMES) + " (" + phone(random) + ") asked for BDC referral, savings group started";
        }
        if (kind == 1) {
            return "Chair " + fullName(random, 'U') + " will call " + phone(random) + " about union affiliation";
        }
        return Draws.pick(random, ROUTINE_NOTES);
    }

    static String cooperativeName(SplittableRandom random, ValueChain chain, String sector)
    {
        String word = Draws.pick(random, COOPERATIVE_WORDS);
        return switch (random.nextInt(20)) {
            case 0, 1, 2, 3, 4, 5 -> "Koperative " + word + " " + sector;
            case 6, 7, 8 -> word + ", " + Draws.pick(random, COOPERATIVE_WORDS) + " na " + Draws.pick(random, COOPERATIVE_WORDS);
            case 9, 10 -> word + "; " + Draws.pick(random, COOPERATIVE_WORDS);
            case 11, 12 -> "Abakora \"" + word + "\" b'" + sector;
            case 13, 14, 15, 16 -> "Coopérative des " + chain.frenchTrade() + " de " + sector;
            case 17 -> "Société coopérative « " + word + " » – " + sector;
            case 18 -> "Koperative " + word + "\nya " + sector;
            default -> sector + " " + chain.label().toLowerCase(java.util.Locale.ROOT) + " cooperative";
        };
    }
}
