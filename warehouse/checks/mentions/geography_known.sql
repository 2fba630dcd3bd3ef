-- Every geography code is an ISO 3166-1 alpha-3 country code or a region of the regions table.
-- passes: every geography code is known
-- fails: <n> mention(s) with unknown geography codes
-- One row per problem (the ids a person needs to fix it); no rows means the check passes.
-- Geography codes that are neither ISO 3166-1 alpha-3 ($country_codes) nor a region.
select distinct code, mention_id from (
    select mention_id, unnest(geography) as code from mentions where geography is not null
)
where code not in (select region_code from regions) and not list_contains($country_codes, code)
order by code, mention_id
