package org.jijukirwa.generator;

import java.util.List;

/** The 30 districts of the contract, in NISR code order. Populations: 2022 census, rounded. */
public final class Districts
{
    public static final List<District> ALL = List.of(
            new District("11", "Nyarugenge", "NYR", 374, List.of("Gitega", "Kanyinya", "Kigali", "Kimisagara", "Mageragere", "Muhima", "Nyakabanda", "Nyamirambo", "Nyarugenge", "Rwezamenyo")),
            new District("12", "Gasabo", "GAS", 880, List.of("Bumbogo", "Gatsata", "Gikomero", "Gisozi", "Jabana", "Jali", "Kacyiru", "Kimihurura", "Kimironko", "Kinyinya", "Ndera", "Nduba", "Remera", "Rusororo", "Rutunga")),
            new District("13", "Kicukiro", "KIC", 492, List.of("Gahanga", "Gatenga", "Gikondo", "Kagarama", "Kanombe", "Kicukiro", "Kigarama", "Masaka", "Niboye", "Nyarugunga")),
            new District("21", "Nyanza", "NYZ", 366, List.of("Busasamana", "Busoro", "Cyabakamyi", "Kibirizi", "Kigoma", "Mukingo", "Muyira", "Ntyazo", "Nyagisozi", "Rwabicuma")),
            new District("22", "Gisagara", "GIS", 397, List.of("Gikonko", "Gishubi", "Kansi", "Kibirizi", "Kigembe", "Mamba", "Muganza", "Mugombwa", "Mukindo", "Musha", "Ndora", "Save")),
            new District("23", "Nyaruguru", "NRG", 318, List.of("Busanze", "Cyahinda", "Kibeho", "Kivu", "Mata", "Muganza", "Munini", "Ngera", "Ngoma", "Nyabimata", "Ruheru", "Ruramba", "Rusenge")),
            new District("24", "Huye", "HUY", 382, List.of("Gishamvu", "Karama", "Kigoma", "Kinazi", "Maraba", "Mbazi", "Mukura", "Ngoma", "Ruhashya", "Rusatira", "Rwaniro", "Simbi", "Tumba")),
            new District("25", "Nyamagabe", "NYM", 372, List.of("Buruhukiro", "Cyanika", "Gasaka", "Gatare", "Kaduha", "Kamegeri", "Kibirizi", "Kitabi", "Mugano", "Musange", "Musebeya", "Nkomane", "Tare", "Uwinkingi")),
            new District("26", "Ruhango", "RUH", 359, List.of("Bweramana", "Byimana", "Kabagari", "Kinazi", "Kinihira", "Mbuye", "Mwendo", "Ntongwe", "Ruhango")),
            new District("27", "Muhanga", "MUH", 358, List.of("Cyeza", "Kabacuzi", "Kibangu", "Kiyumba", "Muhanga", "Mushishiro", "Nyabinoni", "Nyamabuye", "Nyarusange", "Rongi", "Rugendabari", "Shyogwe")),
            new District("28", "Kamonyi", "KAM", 460, List.of("Gacurabwenge", "Karama", "Kayenzi", "Kayumbu", "Mugina", "Musambira", "Ngamba", "Nyamiyaga", "Nyarubaka", "Rugalika", "Rukoma", "Runda")),
            new District("31", "Karongi", "KAR", 385, List.of("Bwishyura", "Gashari", "Gishyita", "Gitesi", "Mubuga", "Murambi", "Murundi", "Mutuntu", "Rubengera", "Rugabano", "Ruganda", "Rwankuba", "Twumba")),
            new District("32", "Rutsiro", "RUT", 369, List.of("Boneza", "Gihango", "Kigeyo", "Kivumu", "Manihira", "Mukura", "Murunda", "Musasa", "Mushonyi", "Mushubati", "Nyabirasi", "Ruhango", "Rusebeya")),
            new District("33", "Rubavu", "RUB", 547, List.of("Bugeshi", "Busasamana", "Cyanzarwe", "Gisenyi", "Kanama", "Kanzenze", "Mudende", "Nyakiriba", "Nyamyumba", "Nyundo", "Rubavu", "Rugerero")),
            new District("34", "Nyabihu", "NYB", 319, List.of("Bigogwe", "Jenda", "Jomba", "Kabatwa", "Karago", "Kintobo", "Mukamira", "Muringa", "Rambura", "Rugera", "Rurembo", "Shyira")),
            new District("35", "Ngororero", "NGO", 368, List.of("Bwira", "Gatumba", "Hindiro", "Kabaya", "Kageyo", "Kavumu", "Matyazo", "Muhanda", "Muhororo", "Ndaro", "Ngororero", "Nyange", "Sovu")),
            new District("36", "Rusizi", "RUS", 486, List.of("Bugarama", "Butare", "Bweyeye", "Gashonga", "Giheke", "Gihundwe", "Gitambi", "Kamembe", "Muganza", "Mururu", "Nkanka", "Nkombo", "Nyakabuye", "Nzahaha", "Rwimbogo")),
            new District("37", "Nyamasheke", "NMS", 435, List.of("Bushekeri", "Bushenge", "Cyato", "Gihombo", "Kagano", "Kanjongo", "Karambi", "Karengera", "Kirimbi", "Macuba", "Mahembe", "Rangiro", "Ruharambuga", "Shangi")),
            new District("41", "Rulindo", "RUL", 351, List.of("Base", "Burega", "Bushoki", "Buyoga", "Cyinzuzi", "Cyungo", "Kinihira", "Kisaro", "Masoro", "Mbogo", "Murambi", "Ngoma", "Ntarabana", "Rukozo", "Rusiga", "Shyorongi", "Tumba")),
            new District("42", "Gakenke", "GAK", 347, List.of("Busengo", "Coko", "Cyabingo", "Gakenke", "Gashenyi", "Janja", "Kamubuga", "Karambo", "Kivuruga", "Mataba", "Minazi", "Mugunga", "Muhondo", "Muzo", "Nemba", "Ruli", "Rusasa", "Rushashi")),
            new District("43", "Musanze", "MUS", 477, List.of("Busogo", "Cyuve", "Gacaca", "Gashaki", "Gataraga", "Kimonyi", "Kinigi", "Muhoza", "Muko", "Musanze", "Nkotsi", "Nyange", "Remera", "Rwaza", "Shingiro")),
            new District("44", "Burera", "BUR", 388, List.of("Bungwe", "Butaro", "Cyanika", "Cyeru", "Gahunga", "Gatebe", "Gitovu", "Kagogo", "Kinoni", "Kinyababa", "Kivuye", "Nemba", "Rugarama", "Rugendabari", "Ruhunde", "Rusarabuye", "Rwerere")),
            new District("45", "Gicumbi", "GIC", 449, List.of("Bukure", "Bwisige", "Byumba", "Cyumba", "Gicumbi", "Kaniga", "Kageyo", "Manyagiro", "Miyove", "Mukarange", "Muko", "Mutete", "Nyamiyaga", "Nyankenke", "Rubaya", "Rukomo", "Rushaki", "Rutare", "Ruvune", "Rwamiko", "Shangasha")),
            new District("51", "Rwamagana", "RWA", 485, List.of("Fumbwe", "Gahengeri", "Gishali", "Karenge", "Kigabiro", "Muhazi", "Munyaga", "Munyiginya", "Musha", "Muyumbu", "Mwulire", "Nyakaliro", "Nzige", "Rubona")),
            new District("52", "Nyagatare", "NYG", 654, List.of("Gatunda", "Karama", "Karangazi", "Katabagemu", "Kiyombe", "Matimba", "Mimuli", "Mukama", "Musheli", "Nyagatare", "Rukomo", "Rwempasha", "Rwimiyaga", "Tabagwe")),
            new District("53", "Gatsibo", "GAT", 551, List.of("Gasange", "Gatsibo", "Gitoki", "Kabarore", "Kageyo", "Kiramuruzi", "Kiziguro", "Muhura", "Murambi", "Ngarama", "Nyagihanga", "Remera", "Rugarama", "Rwimbogo")),
            new District("54", "Kayonza", "KAY", 457, List.of("Gahini", "Kabare", "Kabarondo", "Mukarange", "Murama", "Murundi", "Mwiri", "Ndego", "Nyamirama", "Rukara", "Ruramira", "Rwinkwavu")),
            new District("55", "Kirehe", "KIR", 461, List.of("Gahara", "Gatore", "Kigarama", "Kigina", "Kirehe", "Mahama", "Mpanga", "Musaza", "Mushikiri", "Nasho", "Nyamugari", "Nyarubuye")),
            new District("56", "Ngoma", "NGM", 404, List.of("Gashanda", "Jarama", "Karembo", "Kazo", "Kibungo", "Mugesera", "Murama", "Mutenderi", "Remera", "Rukira", "Rukumberi", "Rurenge", "Sake", "Zaza")),
            new District("57", "Bugesera", "BUG", 551, List.of("Gashora", "Juru", "Kamabuye", "Mareba", "Mayange", "Musenyi", "Mwogo", "Ngeruka", "Ntarama", "Nyamata", "Nyarugenge", "Rilima", "Ruhuha", "Rweru", "Shyara")));

    private Districts()
    {
    }

    /**
     * Cooperatives per district: one each, the rest shared by population with
     * the largest-remainder method, so the split is exact and reproducible.
     */
    public static int[] allocate(int cooperatives)
    {
        int districts = ALL.size();
        if (cooperatives < districts) {
            throw new IllegalArgumentException("at least " + districts + " cooperatives are needed (one per district), got " + cooperatives);
        }
        long totalPopulation = ALL.stream().mapToLong(District::populationThousands).sum();
        int spare = cooperatives - districts;
        int[] counts = new int[districts];
        long[] remainders = new long[districts];
        int given = 0;
        for (int index = 0; index < districts; index++) {
            long share = (long) spare * ALL.get(index).populationThousands();
            counts[index] = 1 + (int) (share / totalPopulation);
            remainders[index] = share % totalPopulation;
            given += counts[index] - 1;
        }
        for (int left = spare - given; left > 0; left--) {
            int largest = 0;
            for (int index = 1; index < districts; index++) {
                if (remainders[index] > remainders[largest]) {
                    largest = index;
                }
            }
            counts[largest]++;
            remainders[largest] = -1;
        }
        return counts;
    }
}
