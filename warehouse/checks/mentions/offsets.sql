-- Every mention's text (and sentence) equals its document's text at its offsets.
-- passes: all offsets resolve
-- fails: <n> mention(s) do not match their offsets
-- One row per problem (the ids a person needs to fix it); no rows means the check passes.
-- Mentions whose text or sentence differs from their document's text at their offsets.
-- substring() on a non-ASCII text walks it from its start, so cutting each span from the whole
-- document would cost the document's length per mention (quadratic). The text is read once into
-- pieces of 100 characters (regexp_extract_all; longer pieces make RE2 slow), and each span is
-- cut from the pieces it lies in: the same characters as substring(d.text, lo + 1, hi - lo).
-- A span with a negative or null offset (the mentions schema admits none) is cut by substring().
with pieces as (
    select doc_id, unnest(parts) as piece, unnest(range(len(parts))) as k
    from (select doc_id, regexp_extract_all(text, '(?s).{1,100}') as parts from documents)
),
spans as (
    select mention_id, doc_id, part, lo, hi, unnest(range(lo // 100, (hi + 99) // 100)) as k
    from (
        select mention_id, doc_id, 0 as part, char_start as lo, char_end as hi from mentions
        union all
        select mention_id, doc_id, 1 as part, sentence_start as lo, sentence_end as hi from mentions
    )
    where lo >= 0 and hi > lo
),
cut as (
    select s.mention_id, s.part,
           substring(string_agg(p.piece, '' order by s.k), s.lo - min(s.k) * 100 + 1, s.hi - s.lo) as found
    from spans s join pieces p on p.doc_id = s.doc_id and p.k = s.k
    group by s.mention_id, s.part, s.lo, s.hi
),
resolved as (
    select m.mention_id, m.doc_id, m.char_start, m.char_end, m.text, m.sentence, d.doc_id as document, d.n_chars,
           case when d.text is null then null
                when m.char_start >= 0 and m.char_end >= m.char_start then coalesce(t.found, '')
                else substring(d.text, m.char_start + 1, m.char_end - m.char_start) end as text_at_offsets,
           case when d.text is null then null
                when m.sentence_start >= 0 and m.sentence_end >= m.sentence_start then coalesce(s.found, '')
                else substring(d.text, m.sentence_start + 1, m.sentence_end - m.sentence_start) end as sentence_at_offsets
    from mentions m
    left join documents d using (doc_id)
    left join cut t on t.mention_id = m.mention_id and t.part = 0
    left join cut s on s.mention_id = m.mention_id and s.part = 1
)
select mention_id, doc_id, char_start, char_end, text, text_at_offsets
from resolved
where document is null
   or char_end > n_chars
   or text_at_offsets is distinct from text
   or sentence_at_offsets is distinct from sentence
order by doc_id, char_start
