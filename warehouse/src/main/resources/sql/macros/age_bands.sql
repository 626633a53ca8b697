-- The age bands, defined once: a member's band at a date depends on year(date) - birth_year. A list, not a
-- table of bands: DuckDB 2.0.0's dictionary-keeping hash join fails on a join with a VALUES table of them
-- (internal error), so models unnest the list or pick from it.
-- none: no birth year; under16 is counted in no band the API shows (it shows it as unknown).
create macro age_bands() as [
    {'age_band': 'under16', 'min_age': null::integer, 'max_age': 15},
    {'age_band': '16-30', 'min_age': 16, 'max_age': 30},
    {'age_band': '31-45', 'min_age': 31, 'max_age': 45},
    {'age_band': '46-60', 'min_age': 46, 'max_age': 60},
    {'age_band': '61+', 'min_age': 61, 'max_age': null::integer}
];

-- the band in on_year of a member born in birth_year: none without a birth year
create macro age_band(birth_year, on_year) as
    case
        when birth_year is null then 'none'
        else list_filter(age_bands(), lambda band:
            (band.min_age is null or on_year - birth_year >= band.min_age)
            and (band.max_age is null or on_year - birth_year <= band.max_age))[1].age_band
    end;

-- a band as the API names it: 16-30, 31-45, 46-60, 61+, or unknown (no birth year, or under 16)
create macro api_age_band(age_band) as
    case when age_band in ('none', 'under16') then 'unknown' else age_band end;
