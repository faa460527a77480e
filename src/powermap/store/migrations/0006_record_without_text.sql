-- The text of a document is stored once, in documents.text (the full-text index reads it from
-- there): the stored extraction record keeps its document.text key as null and gets the text
-- back when it is read (store.queries.read_record). Before this, every text was kept twice.
UPDATE extractions SET record = json_set(record, '$.document.text', json('null'))
WHERE json_extract(record, '$.document.text') IS NOT NULL;
