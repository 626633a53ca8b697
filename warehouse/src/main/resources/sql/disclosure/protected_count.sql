-- Keyed random rounding of an exact count to the base b (ONS-style random rounding, made repeatable by a keyed hash).
-- value = b*q + r with 0 <= r < b; the published value is b*(q+1) when u < r/b, else b*q, where u in [0, 1) is the
-- keyed draw of the cell: so 0 stays 0, multiples of b stay as they are, the expectation is value (unbiased), and the
-- same cell with the same value always gives the same output.
-- key_text names the cell without its date: '<fact>|<measure>|<dimension>=<value>|...' (see CountRounding).
-- disclosure_secret() is defined by CountRounding from the configured secret, before this file runs.

-- u in [0, 1): the first 52 bits (13 hex digits) of md5(secret | key_text | value), over 2^52 (exact in a double)
create or replace macro protected_count_draw(value, key_text) as
    ('0x' || substr(md5(disclosure_secret() || '|' || key_text || '|' || cast(value as varchar)), 1, 13))::bigint / 4503599627370496.0;

create or replace macro protected_count(value, base, key_text) as
    case
        when value is null then null
        when value % base = 0 then value
        when protected_count_draw(value, key_text) < (value % base) / base then value - value % base + base
        else value - value % base
    end;
