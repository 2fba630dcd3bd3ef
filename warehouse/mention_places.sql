-- mention_places: one row per statistical mention and country it is about.
--
-- A mention's geography lists countries (ISO 3166-1 alpha-3) and regions of the
-- regions table. Each country code gives a row with named = true; each region
-- gives a row for every member country, with the region in via_regions. A
-- country both named and reached through a region is one row (named = true,
-- via_regions lists the regions). So "everything about Guatemala" is
-- `where country_code = 'GTM'`, whether a document names it or its region.
with

codes as (
    select mention_id, doc_id, unnest(geography) as code
    from mentions
    where list_contains($statistical_kinds, kind) and geography is not null
),

countries as (
    select codes.mention_id, codes.doc_id, coalesce(regions.country_code, codes.code) as country_code,
           regions.region_code
    from codes
    left join regions on regions.region_code = codes.code
),

final as (
    select
        mention_id,
        doc_id,
        country_code,
        bool_or(region_code is null) as named,
        case when count(region_code) > 0 then list_sort(list_distinct(list(region_code))) end as via_regions
    from countries
    group by mention_id, doc_id, country_code
    order by doc_id, mention_id, country_code
)

select * from final
