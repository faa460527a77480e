"""``powermap export``: store tables and analysis tables as CSV or Parquet, events as GDELT 2.0, stances for DNA 3."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import typer

from powermap.serve.cli.commands._analysis import fail
from powermap.serve.cli.options import QuietOption, StoreOption, open_reader
from powermap.serve.cli.output import note, working

FORMATS = ("csv", "parquet", "gdelt", "dna", "gold")


def register(app: typer.Typer) -> None:
    app.command("export")(export_command)


def export_command(
    table: str = typer.Argument(
        ...,
        help="A store table (documents, actors, mentions, quotes, claims, events, "
        "stances), an analysis table (nodes, edges, camps, affiliation, ties, coalitions, "
        "quoted, claim_conflicts, cited_sources), corrections (--format gold: a gold set of the corrected "
        "documents) or all.",
    ),
    fmt: str = typer.Option(
        "csv",
        "--format",
        help="csv, parquet, gdelt (events, GDELT 2.0), dna (stances: a DNA 3 database and a CSV) or gold "
        "(corrections: gold files in the ../shared/gold format).",
    ),
    out: Path = typer.Option(..., "--out", help="Folder to write into."),
    concepts: Path = typer.Option(None, "--concepts", help="Concepts file for --format dna."),
    include_all: bool = typer.Option(False, "--all-events", help="gdelt: also negated, non-asserted, duplicates."),
    store: Path = StoreOption,
    quiet: bool = QuietOption,
) -> None:
    """Write tables for pandas, R, Polars, GDELT tooling or the Discourse Network Analyzer."""
    from powermap.serve.export.csvfile import write_csv, write_csv_batches
    from powermap.serve.export.parquet import write_parquet, write_parquet_batches
    from powermap.serve.export.tables import STORE_TABLES, analysis_tables, store_table_batches

    if fmt not in FORMATS:
        raise fail(f"--format must be one of {', '.join(FORMATS)}")
    db = open_reader(store)
    conn = db.reader()
    written: list[Path] = []
    with working(f"exporting {table}", quiet):
        if fmt == "gold" or table == "corrections":
            if (fmt, table) != ("gold", "corrections"):
                raise fail("the corrected documents are written as a gold set: `export corrections --format gold`")
            from powermap.serve.export.gold import write_gold

            written += write_gold(conn, out)
        elif fmt == "gdelt":
            if table not in ("events", "all"):
                raise fail("--format gdelt writes the events table: use `export events` or `export all`")
            from powermap.serve.export.gdelt import write_gdelt

            written += write_gdelt(conn, out / "events.gdelt.tsv", include_all=include_all)
        elif fmt == "dna":
            if table not in ("stances", "all"):
                raise fail("--format dna writes the statements (stances) table: use `export stances` or `export all`")
            from powermap.analyse.discourse import read_concepts
            from powermap.serve.export.dna import write_dna
            from powermap.serve.export.dna_database import write_dna_database

            mapping = read_concepts(concepts) if concepts else None
            written.append(write_dna_database(conn, out / "statements.dna", mapping))
            written.append(write_dna(conn, out / "dna_statements.csv", mapping))
        else:
            builders = analysis_tables(conn)
            names = [*STORE_TABLES, *builders] if table == "all" else [table]
            unknown = [n for n in names if n not in STORE_TABLES and n not in builders]
            if unknown:
                known = ", ".join([*STORE_TABLES, *builders, "all"])
                raise fail(f"unknown table {unknown[0]!r}; use one of {known}")
            writer, stream = (write_csv, write_csv_batches) if fmt == "csv" else (write_parquet, write_parquet_batches)

            def write_store_tables() -> list[Path]:
                # On its own connection and thread: SQLite reads and Arrow writes release the GIL,
                # so on a machine with a free core this overlaps the analysis tables built below.
                own = db.reader()
                try:
                    return [
                        stream(*store_table_batches(own, n), out / f"{n}.{fmt}") for n in names if n in STORE_TABLES
                    ]
                finally:
                    own.close()

            with ThreadPoolExecutor(max_workers=1) as pool:
                store_files = pool.submit(write_store_tables)
                analysis_files = [writer(builders[n](), out / f"{n}.{fmt}") for n in names if n in builders]
                written += store_files.result() + analysis_files
    for path in written:
        note(f"wrote {path}", quiet)
