-- document_stats: one row per source document: provenance, mentions by kind,
-- how many statistical mentions got a subject, a geography and a period, and
-- what curation found in it (indicators, claims, corroborated figures).
with

by_kind as (
    select
        doc_id,
        count(*) as n_mentions,
        count(*) filter (where list_contains($statistical_kinds, kind)) as n_statistical,
        count(*) filter (where list_contains($temporal_kinds, kind)) as n_temporal,
        count(*) filter (where kind = 'count') as n_count,
        count(*) filter (where kind = 'percent') as n_percent,
        count(*) filter (where kind = 'money') as n_money,
        count(*) filter (where kind = 'ratio') as n_ratio,
        count(*) filter (where kind = 'multiplier') as n_multiplier,
        count(*) filter (where kind = 'year') as n_year,
        count(*) filter (where kind = 'date') as n_date,
        count(*) filter (where kind = 'duration') as n_duration
    from mentions
    group by doc_id
),

coverage as (
    select
        doc_id,
        avg(case when subject is not null then 1.0 else 0.0 end) as share_with_subject,
        avg(case when geography is not null then 1.0 else 0.0 end) as share_with_geography,
        avg(case when period_start is not null or period_end is not null then 1.0 else 0.0 end) as share_with_period
    from mentions
    where list_contains($statistical_kinds, kind)
    group by doc_id
),

indicator_counts as (
    select doc_id, count(*) as n_indicators
    from indicators
    group by doc_id
),

claim_counts as (
    select
        doc_id,
        count(*) as n_claims,
        count(*) filter (where verdict = 'inconsistent') as n_claims_inconsistent
    from claim_checks
    group by doc_id
),

corroborated_mentions as (
    select distinct unnest(mention_ids) as mention_id
    from corroboration
),

corroborated as (
    select mentions.doc_id, count(*) as n_corroborated
    from corroborated_mentions
    join mentions using (mention_id)
    group by mentions.doc_id
),

final as (
    select
        documents.doc_id,
        documents.title,
        documents.publisher,
        documents.published,
        documents.published_precision,
        documents.license,
        documents.url,
        documents.sha256,
        documents.n_chars,
        coalesce(by_kind.n_mentions, 0) as n_mentions,
        coalesce(by_kind.n_statistical, 0) as n_statistical,
        coalesce(by_kind.n_temporal, 0) as n_temporal,
        coalesce(by_kind.n_count, 0) as n_count,
        coalesce(by_kind.n_percent, 0) as n_percent,
        coalesce(by_kind.n_money, 0) as n_money,
        coalesce(by_kind.n_ratio, 0) as n_ratio,
        coalesce(by_kind.n_multiplier, 0) as n_multiplier,
        coalesce(by_kind.n_year, 0) as n_year,
        coalesce(by_kind.n_date, 0) as n_date,
        coalesce(by_kind.n_duration, 0) as n_duration,
        coverage.share_with_subject,
        coverage.share_with_geography,
        coverage.share_with_period,
        coalesce(indicator_counts.n_indicators, 0) as n_indicators,
        coalesce(claim_counts.n_claims, 0) as n_claims,
        coalesce(claim_counts.n_claims_inconsistent, 0) as n_claims_inconsistent,
        coalesce(corroborated.n_corroborated, 0) as n_corroborated
    from documents
    left join by_kind using (doc_id)
    left join coverage using (doc_id)
    left join indicator_counts using (doc_id)
    left join claim_counts using (doc_id)
    left join corroborated using (doc_id)
    order by documents.doc_id
)

select * from final
