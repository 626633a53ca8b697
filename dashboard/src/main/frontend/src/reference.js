// The reference data of the data contract (shared/spec/data-contract.md): provinces in NISR order with their
// districts, value chains, topics, sexes and age bands, as the API names them. Labels live in src/i18n/*.json.

export const PROVINCES = [
    { province: 'Kigali City', districts: ['Nyarugenge', 'Gasabo', 'Kicukiro'] },
    { province: 'Southern', districts: ['Nyanza', 'Gisagara', 'Nyaruguru', 'Huye', 'Nyamagabe', 'Ruhango', 'Muhanga', 'Kamonyi'] },
    { province: 'Western', districts: ['Karongi', 'Rutsiro', 'Rubavu', 'Nyabihu', 'Ngororero', 'Rusizi', 'Nyamasheke'] },
    { province: 'Northern', districts: ['Rulindo', 'Gakenke', 'Musanze', 'Burera', 'Gicumbi'] },
    { province: 'Eastern', districts: ['Rwamagana', 'Nyagatare', 'Gatsibo', 'Kayonza', 'Kirehe', 'Ngoma', 'Bugesera'] },
];

export const DISTRICTS = PROVINCES.flatMap(({ districts }) => districts);

const PROVINCE_OF = new Map(PROVINCES.flatMap(({ province, districts }) => districts.map((district) => [district, province])));

export function provinceOf(district) {
    return PROVINCE_OF.get(district) ?? null;
}

export const VALUE_CHAINS = ['tailoring', 'hairdressing', 'carpentry', 'welding', 'masonry', 'moto_transport', 'bicycle_transport',
    'handcraft', 'food_processing', 'catering', 'mechanics', 'electronics_repair', 'shoe_making', 'small_trade', 'produce_vending'];

export const TOPICS = ['cooperative_principles', 'governance', 'business_plan', 'market_opportunities', 'financial_management',
    'labour_union', 'osh', 'rights_and_laws', 'leadership', 'record_keeping', 'savings_credit'];

export const SEXES = ['F', 'M', 'U'];

export const AGE_BANDS = ['16-30', '31-45', '46-60', '61+', 'unknown'];

/** The values a filter on a dimension may take, in display order. */
export function valuesOf(dimension) {
    switch (dimension) {
        case 'province': return PROVINCES.map(({ province }) => province);
        case 'district': return DISTRICTS;
        case 'value_chain': return VALUE_CHAINS;
        case 'topic': return TOPICS;
        case 'sex': return SEXES;
        case 'age_band': return AGE_BANDS;
        default: return [];
    }
}

/** Sort key of a dimension value: its position in the reference order (unknown values last, alphabetically). */
export function orderOf(dimension, value) {
    const index = valuesOf(dimension).indexOf(value);
    return index < 0 ? 1000 : index;
}
