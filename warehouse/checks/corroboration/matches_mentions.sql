-- Every mention of a corroborated figure exists and has the figure's kind and value.
-- passes: every corroborated mention matches its figure
-- fails: <n> corroborated mention(s) do not match
-- One row per problem (the ids a person needs to fix it); no rows means the check passes.
-- Mentions of a corroborated figure that are missing or have another kind or value.
with members as (
    select figure_id, kind, value, n_documents, unnest(mention_ids) as mention_id
    from corroboration
)
select members.figure_id, members.mention_id, members.kind, m.kind as mention_kind, members.value, m.value as mention_value
from members left join mentions m using (mention_id)
where m.mention_id is null or m.kind <> members.kind or m.value is distinct from members.value
order by members.figure_id, members.mention_id
