-- corroboration: one row per figure cited by more than one document.
--
-- Two statistical mentions of different documents cite the same figure when
-- they have the same kind and value, and compatible context:
--   * subject: both present, and equal or one contained in the other on word
--     boundaries, ignoring case ('visas' and 'work visas');
--   * geography: either empty, or one's codes include all of the other's;
--   * period: either open or missing, or the two periods overlap.
-- Figures are the connected sets of such pairs; sets spanning one document only
-- are dropped. A figure is identified by its first mention (document, offset).
with recursive

statistical as (
    select
        mention_id,
        doc_id,
        char_start,
        kind,
        value,
        subject,
        lower(subject) as subject_key,
        geography,
        coalesce(geography, []::varchar[]) as codes,
        period_start,
        period_end
    from mentions
    where list_contains($statistical_kinds, kind)
      and value is not null
      and subject is not null
),

pairs as (
    select a.mention_id as a_id, b.mention_id as b_id
    from statistical as a
    join statistical as b
      on a.kind = b.kind
     and a.doc_id <> b.doc_id
     and abs(a.value - b.value) <= 1e-9 * greatest(abs(a.value), 1)
    where (
            a.subject_key = b.subject_key
            or contains(' ' || a.subject_key || ' ', ' ' || b.subject_key || ' ')
            or contains(' ' || b.subject_key || ' ', ' ' || a.subject_key || ' ')
          )
      and (a.geography is null or b.geography is null or list_has_all(a.codes, b.codes) or list_has_all(b.codes, a.codes))
      and coalesce(a.period_start, date '0001-01-01') <= coalesce(b.period_end, date '9999-12-31')
      and coalesce(b.period_start, date '0001-01-01') <= coalesce(a.period_end, date '9999-12-31')
),

reach (mention_id, member) as (
    select * from (select a_id, a_id from pairs union select a_id, b_id from pairs)
    union
    select reach.mention_id, pairs.b_id
    from reach
    join pairs on pairs.a_id = reach.member
),

components as (
    select
        reach.mention_id,
        arg_min(member.mention_id, member.doc_id || ':' || lpad(member.char_start::varchar, 12, '0')) as figure_id
    from reach
    join statistical as member on member.mention_id = reach.member
    group by reach.mention_id
),

figures as (
    select
        components.figure_id,
        count(distinct statistical.doc_id) as n_documents,
        count(*) as n_mentions,
        list_sort(list_distinct(list(statistical.doc_id))) as doc_ids,
        list_sort(list(statistical.mention_id)) as mention_ids,
        list_sort(list_distinct(flatten(list(statistical.codes)))) as codes,
        min(statistical.period_start) as period_start,
        max(statistical.period_end) as period_end
    from components
    join statistical using (mention_id)
    group by components.figure_id
    having count(distinct statistical.doc_id) > 1
),

final as (
    select
        figures.figure_id,
        first_mention.kind,
        first_mention.value,
        first_mention.subject,
        case when len(figures.codes) > 0 then figures.codes end as geography,
        figures.period_start,
        figures.period_end,
        figures.n_documents,
        figures.n_mentions,
        figures.doc_ids,
        figures.mention_ids
    from figures
    join statistical as first_mention on first_mention.mention_id = figures.figure_id
    order by figures.figure_id
)

select * from final
