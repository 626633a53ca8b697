package org.jijukirwa.generator;

import java.util.List;

/**
 * The contract's 15 value chains with the share of cooperatives in each and
 * the share of women among their members (informal-sector patterns: tailoring
 * and hairdressing mostly women, moto taxi and welding almost only men).
 */
public enum ValueChain
{
    TAILORING("tailoring", "Tailoring and garment making", 0.10, 0.85, "Couturières"),
    HAIRDRESSING("hairdressing", "Hairdressing and beauty", 0.08, 0.80, "Coiffeurs et Esthéticiennes"),
    CARPENTRY("carpentry", "Carpentry and joinery", 0.06, 0.08, "Menuisiers"),
    WELDING("welding", "Welding and metal fabrication", 0.04, 0.05, "Soudeurs"),
    MASONRY("masonry", "Masonry and construction", 0.07, 0.15, "Maçons"),
    MOTO_TRANSPORT("moto_transport", "Motorcycle taxi transport", 0.12, 0.03, "Motards"),
    BICYCLE_TRANSPORT("bicycle_transport", "Bicycle transport", 0.05, 0.04, "Taxi-vélos"),
    HANDCRAFT("handcraft", "Handcraft and basket weaving", 0.06, 0.82, "Artisanes"),
    FOOD_PROCESSING("food_processing", "Food processing", 0.05, 0.62, "Transformateurs"),
    CATERING("catering", "Catering and food vending", 0.07, 0.75, "Restauratrices"),
    MECHANICS("mechanics", "Vehicle mechanics", 0.03, 0.06, "Mécaniciens"),
    ELECTRONICS_REPAIR("electronics_repair", "Electrical and electronics repair", 0.03, 0.10, "Réparateurs"),
    SHOE_MAKING("shoe_making", "Leather and shoe making", 0.02, 0.30, "Cordonniers"),
    SMALL_TRADE("small_trade", "Small-scale retail trade", 0.12, 0.60, "Petits Commerçants"),
    PRODUCE_VENDING("produce_vending", "Agricultural produce vending", 0.10, 0.72, "Vendeuses de Légumes");

    private static final List<ValueChain> ALL = List.of(values());

    private final String code;
    private final String label;
    private final double share;
    private final double womenShare;
    private final String frenchTrade;

    ValueChain(String code, String label, double share, double womenShare, String frenchTrade)
    {
        this.code = code;
        this.label = label;
        this.share = share;
        this.womenShare = womenShare;
        this.frenchTrade = frenchTrade;
    }

    public String code()
    {
        return code;
    }

    public String label()
    {
        return label;
    }

    public double womenShare()
    {
        return womenShare;
    }

    /** How French-speaking officers name the members of such a cooperative ("Coopérative des Motards"). */
    public String frenchTrade()
    {
        return frenchTrade;
    }

    /** The value chain at a point of the cumulative share distribution, {@code position} in [0, 1). */
    public static ValueChain at(double position)
    {
        double cumulative = 0;
        for (ValueChain chain : ALL) {
            cumulative += chain.share;
            if (position < cumulative) {
                return chain;
            }
        }
        return ALL.get(ALL.size() - 1);
    }
}
