-- Every mention's text (and sentence) equals its document's text at its offsets.
-- passes: all offsets resolve
-- fails: <n> mention(s) do not match their offsets
-- One row per problem (the ids a person needs to fix it); no rows means the check passes.
-- Mentions whose text or sentence differs from their document's text at their offsets.
select m.mention_id, m.doc_id, m.start, m."end", m.text,
       substring(d.text, m.start + 1, m."end" - m.start) as text_at_offsets
from mentions m left join documents d using (doc_id)
where d.doc_id is null
   or m."end" > d.n_chars
   or substring(d.text, m.start + 1, m."end" - m.start) is distinct from m.text
   or substring(d.text, m.sentence_start + 1, m.sentence_end - m.sentence_start) is distinct from m.sentence
order by m.doc_id, m.start
