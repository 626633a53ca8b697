// The reference data of the served snapshot (GET /api/v1/reference, loaded once by app.js before the first view):
// provinces in NISR order with their districts, value chains, topics, sexes, age bands, targets and the small-cell
// threshold k, as the API names them. Reference data is editable, so nothing here is hard-coded; labels live in src/i18n/*.json, and the API's
// English label is the fallback for a value chain or topic the translations do not know.

let provinceList = [];
let districtList = [];
let valueChainList = [];
let topicList = [];
let sexList = [];
let ageBandList = [];
let targetList = [];
let threshold = null;
const provinceOfDistrict = new Map();
const labels = { value_chain: new Map(), topic: new Map() };

/** Takes the answer of GET /api/v1/reference. */
export function setReference(reference) {
    provinceList = reference.provinces.map(({ province, districts }) => ({ province, districts: districts.map(({ district }) => district) }));
    districtList = provinceList.flatMap(({ districts }) => districts);
    provinceOfDistrict.clear();
    provinceList.forEach(({ province, districts }) => districts.forEach((district) => provinceOfDistrict.set(district, province)));
    valueChainList = reference.value_chains.map(({ value_chain: code }) => code);
    topicList = reference.topics.map(({ topic }) => topic);
    labels.value_chain = new Map(reference.value_chains.map(({ value_chain: code, label }) => [code, label]));
    labels.topic = new Map(reference.topics.map(({ topic, label }) => [topic, label]));
    sexList = reference.sexes;
    ageBandList = reference.age_bands;
    targetList = reference.targets;
    threshold = Number.isInteger(reference.small_cell_threshold) && reference.small_cell_threshold > 0 ? reference.small_cell_threshold : null;
}

/** k: the public's counts of people are rounded to multiples of k (docs/disclosure.md); null when the API does not say. */
export function smallCellThreshold() {
    return threshold;
}

// The indicators that count people (the warehouse's Fact.countsPersons): their public figures are rounded.
const PEOPLE_COUNTING = new Set(['members_active', 'member_formalisation_rate', 'women_share', 'youth_share', 'persons_reached', 'attendances']);

/** Whether an indicator counts people, so that its public figures are rounded to multiples of k. */
export function countsPeople(indicator) {
    return PEOPLE_COUNTING.has(indicator);
}

/** [{ province, districts: [district names in NISR order] }] in NISR order. */
export function provinces() {
    return provinceList;
}

export function districts() {
    return districtList;
}

export function valueChains() {
    return valueChainList;
}

export function provinceOf(district) {
    return provinceOfDistrict.get(district) ?? null;
}

/** The English label the API gives a value chain or topic code, or null. */
export function referenceLabel(dimension, value) {
    return labels[dimension]?.get(value) ?? null;
}

/** The target every district has for an indicator (coops_formed, training_sessions), or null when they differ or have none. */
export function perDistrictTarget(target) {
    const perDistrict = targetList.filter((entry) => entry.target === target && entry.district_code !== null);
    const values = new Set(perDistrict.map((entry) => entry.value));
    return values.size === 1 && perDistrict.length === districtList.length ? [...values][0] : null;
}

/** The values a filter on a dimension may take, in display order. */
export function valuesOf(dimension) {
    switch (dimension) {
        case 'province': return provinceList.map(({ province }) => province);
        case 'district': return districtList;
        case 'value_chain': return valueChainList;
        case 'topic': return topicList;
        case 'sex': return sexList;
        case 'age_band': return ageBandList;
        default: return [];
    }
}

/** Sort key of a dimension value: its position in the reference order (unknown values last, alphabetically). */
export function orderOf(dimension, value) {
    const index = valuesOf(dimension).indexOf(value);
    return index < 0 ? 1000 : index;
}
