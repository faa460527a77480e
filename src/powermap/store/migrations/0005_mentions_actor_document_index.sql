-- Mention and document counts per actor (the actor list, the home page) read from one covering
-- index instead of the mentions table: the actor list on 10,000 documents (110,000 mentions)
-- went from about 530 ms to 70 ms in the server's load test.
CREATE INDEX IF NOT EXISTS mentions_actor_document ON mentions(actor_id, doc_id);
