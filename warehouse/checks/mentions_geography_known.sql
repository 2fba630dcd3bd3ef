-- Check mentions_geography_known: one row per problem; no rows means the check passes.
-- Geography codes that are neither ISO 3166-1 alpha-3 (parameter 1) nor a region.
select distinct code, mention_id from (
    select mention_id, unnest(string_split(geography, ';')) as code from mentions where geography is not null
)
where code not in (select region_code from regions) and not list_contains(?, code)
order by code, mention_id
