"""Writers for the tools analysts use, one module per format.

``tables`` turns store tables and analysis results into ``Table``\\ s; ``csvfile`` and
``parquet`` write any table; ``gexf`` and ``graphml`` write networkx graphs (Gephi,
Cytoscape, visone); ``gdelt`` writes a GDELT-2.0-style event table; ``dna`` writes the
Discourse Network Analyzer's statement table. See ``docs/exports.md``.
"""
