-- Every indicator's locator resolved to exactly one mention, whose document, value and text it carries.
-- passes: every indicator matches its mention
-- fails: <n> indicator(s) do not match their mention
-- One row per problem (the ids a person needs to fix it); no rows means the check passes.
-- Indicators that do not carry the document, value and text of their mention.
select i.indicator_id, i.mention_id, i.value, m.value as mention_value, i.text, m.text as mention_text
from indicators i left join mentions m using (mention_id)
where m.mention_id is null or m.doc_id <> i.doc_id or m.value is distinct from i.value or m.text <> i.text
order by i.indicator_id
