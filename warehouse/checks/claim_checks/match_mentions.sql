-- Every claim's stated value and statement are those of its mention.
-- passes: every claim matches its mention
-- fails: <n> claim(s) do not match their mention
-- One row per problem (the ids a person needs to fix it); no rows means the check passes.
-- Claims whose stated value or statement is not that of their mention.
select c.claim_id, c.mention_id, c.stated_value, m.value
from claim_checks c left join mentions m using (mention_id)
where m.mention_id is null or m.doc_id <> c.doc_id or m.value is distinct from c.stated_value or m.sentence <> c.statement
order by c.claim_id
