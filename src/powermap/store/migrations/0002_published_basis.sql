-- Where a document's publication date came from: 'source' (the page, feed or JSON line),
-- 'option' (--published), 'text' (estimated from the latest date the text mentions), or NULL.
ALTER TABLE documents ADD COLUMN published_basis TEXT;
