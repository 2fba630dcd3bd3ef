-- corroboration: one row per figure cited by more than one document.
--
-- Two statistical mentions cite the same figure when they have the same kind and value, and
-- compatible context:
--   * subject: both present, and equal or one contained in the other on word
--     boundaries, ignoring case ('visas' and 'work visas');
--   * geography: either empty, or one's codes include all of the other's;
--   * period: either open or missing, or the two periods overlap.
-- Figures are the connected sets of such mentions; sets spanning one document only are
-- dropped. A figure is identified by its first mention (document, offset).
--
-- The connected sets are found in near-linear time by pipeline/research/corroboration.py
-- (union-find over (kind, value) groups, no pairs enumerated) and reach this query as the
-- internal table figure_members (mention_id, figure_id), kept up to date group by group
-- (pipeline/store/citations.py); this query describes each figure.
-- n_publishers counts the distinct publishers behind it: a press release and the report it
-- announces, from one publisher, are one source, not two.

with

members as (
    select
        figure_members.figure_id,
        mentions.mention_id,
        mentions.doc_id,
        mentions.kind,
        mentions.value,
        coalesce(mentions.geography, []::varchar[]) as codes,
        mentions.period_start,
        mentions.period_end,
        documents.publisher
    from figure_members
    join mentions using (mention_id)
    join documents using (doc_id)
),

figures as (
    select
        figure_id,
        count(distinct doc_id) as n_documents,
        count(distinct publisher) as n_publishers,
        count(*) as n_mentions,
        list_sort(list_distinct(list(doc_id))) as doc_ids,
        list_sort(list(mention_id)) as mention_ids,
        list_sort(list_distinct(flatten(list(codes)))) as codes,
        min(period_start) as period_start,
        max(period_end) as period_end
    from members
    group by figure_id
    having count(distinct doc_id) > 1
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
        figures.n_publishers,
        figures.n_mentions,
        figures.doc_ids,
        figures.mention_ids
    from figures
    join mentions as first_mention on first_mention.mention_id = figures.figure_id
    order by figures.figure_id
)

select * from final
