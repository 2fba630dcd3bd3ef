-- Check corroboration_matches_mentions: one row per problem; no rows means the check passes.
-- Mentions of a corroborated figure that are missing or have another kind or value.
with members as (
    select figure_id, kind, value, n_documents, unnest(string_split(mention_ids, ';')) as mention_id
    from corroboration
)
select members.figure_id, members.mention_id, members.kind, m.kind as mention_kind, members.value, m.number
from members left join mentions m using (mention_id)
where m.mention_id is null or m.kind <> members.kind or m.number <> members.value
order by members.figure_id, members.mention_id
