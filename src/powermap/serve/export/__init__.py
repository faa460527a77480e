"""Writers for the tools analysts use, one module per format.

``tables`` turns store tables and analysis results into ``Table``\\ s and Arrow batches, typed
for readers by ``schema`` (booleans, dates with their precision, lists; codes stay text);
``csvfile`` (with a CSVW sidecar) and ``parquet`` write any table; ``gexf`` writes GEXF 1.3
with colours, sizes and a layout, ``graphml`` GraphML; ``gdelt`` writes GDELT 2.0's event
table (actor codes from ``actor_codes``); ``dna`` writes the Discourse Network Analyzer's
statement table and ``dna_database`` a DNA 3 ``.dna`` database. See ``docs/exports.md``.
"""
