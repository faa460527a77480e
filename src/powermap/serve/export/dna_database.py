"""A Discourse Network Analyzer 3 database (``.dna``, SQLite) holding the stances as DNA statements.

The tables and columns are those DNA 3.0 creates for a new SQLite database and reads when
it opens one (learned from the DNA source, ``dna/src/main/java/sql/Sql.java`` in
github.com/leifeld/dna, ``createTables``; written here from that description, not copied):
``SETTINGS``, ``CODERS``, ``DOCUMENTS``, ``STATEMENTTYPES``, ``VARIABLES``, ``ENTITIES``,
``STATEMENTS``, the value tables ``DATASHORTTEXT`` / ``DATABOOLEAN`` / ``DATAINTEGER`` /
``DATALONGTEXT``, ``ATTRIBUTEVARIABLES`` / ``ATTRIBUTEVALUES``, ``REGEXES``,
``VARIABLELINKS`` and ``CODERRELATIONS``, with DNA's default statement type
``DNA Statement`` (variables ``person``, ``organization``, ``concept`` as short text and
``agreement`` as boolean).

Content: one document per stored document that has a counted stance (title, full text,
outlet as ``Source``, author, the powermap id in ``Notes``, the publication day as seconds
since the epoch, UTC), one statement per stance (the evidence's character offsets in the
text), entities for every person, organisation and concept (attribute ``Type`` = the
actor's type, ``Notes`` = its powermap id). One coder, ``Admin`` (password ``admin``, stored
as jasypt's ``StrongPasswordEncryptor`` stores it: base64 of a 16-byte salt and 100,000
rounds of SHA-256). Statements and entities are those of ``dna.dna_rows``: near duplicates
count once, concepts go through the concepts file when one is given.
"""

from __future__ import annotations

import base64
import hashlib
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from powermap.serve.export.dna import dna_rows

DNA_VERSION = "3.0.8"  # the release whose schema this follows (DNA reads 3.0.x databases)
STATEMENT_TYPE = "DNA Statement"
VARIABLES = (("person", "short text"), ("organization", "short text"), ("concept", "short text"),
             ("agreement", "boolean"))  # fmt: skip
ATTRIBUTES = ("Type", "Alias", "Notes")
ADMIN_PASSWORD = "admin"
MAX_SHORT = 190  # DNA checks LENGTH(...) < 191 on titles and entity values

SCHEMA = """
CREATE TABLE SETTINGS (Property TEXT PRIMARY KEY, Value TEXT NOT NULL);
CREATE TABLE CODERS (
    ID INTEGER NOT NULL PRIMARY KEY,
    Name TEXT NOT NULL CHECK (LENGTH(Name) < 191),
    Red INTEGER NOT NULL DEFAULT 0, Green INTEGER NOT NULL DEFAULT 0, Blue INTEGER NOT NULL DEFAULT 0,
    Refresh INTEGER NOT NULL DEFAULT 0, FontSize INTEGER NOT NULL DEFAULT 14,
    Password TEXT NOT NULL, PopupWidth INTEGER DEFAULT 300,
    ColorByCoder INTEGER NOT NULL DEFAULT 0, PopupDecoration INTEGER NOT NULL DEFAULT 0,
    PopupAutoComplete INTEGER NOT NULL DEFAULT 1,
    PermissionAddDocuments INTEGER NOT NULL DEFAULT 1, PermissionEditDocuments INTEGER NOT NULL DEFAULT 1,
    PermissionDeleteDocuments INTEGER NOT NULL DEFAULT 1, PermissionImportDocuments INTEGER NOT NULL DEFAULT 1,
    PermissionAddStatements INTEGER NOT NULL DEFAULT 1, PermissionEditStatements INTEGER NOT NULL DEFAULT 1,
    PermissionDeleteStatements INTEGER NOT NULL DEFAULT 1, PermissionEditAttributes INTEGER NOT NULL DEFAULT 1,
    PermissionEditRegex INTEGER NOT NULL DEFAULT 1, PermissionEditStatementTypes INTEGER NOT NULL DEFAULT 1,
    PermissionEditCoders INTEGER NOT NULL DEFAULT 1, PermissionEditCoderRelations INTEGER NOT NULL DEFAULT 1,
    PermissionViewOthersDocuments INTEGER NOT NULL DEFAULT 1, PermissionEditOthersDocuments INTEGER NOT NULL DEFAULT 1,
    PermissionViewOthersStatements INTEGER NOT NULL DEFAULT 1,
    PermissionEditOthersStatements INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE DOCUMENTS (
    ID INTEGER NOT NULL PRIMARY KEY,
    Title TEXT NOT NULL CHECK (LENGTH(Title) < 191),
    Text TEXT NOT NULL,
    Coder INTEGER REFERENCES CODERS(ID) ON DELETE CASCADE,
    Author TEXT NOT NULL DEFAULT '' CHECK (LENGTH(Author) < 191),
    Source TEXT NOT NULL DEFAULT '' CHECK (LENGTH(Source) < 191),
    Section TEXT NOT NULL DEFAULT '' CHECK (LENGTH(Section) < 191),
    Notes TEXT NOT NULL DEFAULT '',
    Type TEXT NOT NULL DEFAULT '' CHECK (LENGTH(Type) < 191),
    Date INTEGER NOT NULL,
    Complete INTEGER NOT NULL DEFAULT 0 CHECK (Complete BETWEEN 0 AND 1)
);
CREATE TABLE STATEMENTTYPES (
    ID INTEGER NOT NULL PRIMARY KEY, Label TEXT NOT NULL CHECK (LENGTH(Label) < 191),
    Red INTEGER NOT NULL DEFAULT 0, Green INTEGER NOT NULL DEFAULT 0, Blue INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE VARIABLES (
    ID INTEGER NOT NULL PRIMARY KEY,
    Variable TEXT NOT NULL CHECK (LENGTH(Variable) < 191),
    DataType TEXT NOT NULL DEFAULT 'short text'
        CHECK (DataType IN ('boolean', 'integer', 'long text', 'short text')),
    StatementTypeId INTEGER REFERENCES STATEMENTTYPES(ID) ON DELETE CASCADE,
    UNIQUE (Variable, StatementTypeId)
);
CREATE TABLE VARIABLELINKS (
    ID INTEGER NOT NULL PRIMARY KEY,
    SourceVariableId INTEGER REFERENCES VARIABLES(ID) ON DELETE CASCADE,
    TargetVariableId INTEGER REFERENCES VARIABLES(ID) ON DELETE CASCADE,
    CHECK (TargetVariableId != SourceVariableId)
);
CREATE TABLE REGEXES (
    Label TEXT PRIMARY KEY, Red INTEGER NOT NULL DEFAULT 0, Green INTEGER NOT NULL DEFAULT 0,
    Blue INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE CODERRELATIONS (
    ID INTEGER NOT NULL PRIMARY KEY,
    Coder INTEGER REFERENCES CODERS(ID) ON DELETE CASCADE,
    OtherCoder INTEGER REFERENCES CODERS(ID) ON DELETE CASCADE,
    viewStatements INTEGER NOT NULL DEFAULT 1, editStatements INTEGER NOT NULL DEFAULT 1,
    viewDocuments INTEGER NOT NULL DEFAULT 1, editDocuments INTEGER NOT NULL DEFAULT 1,
    CHECK (Coder != OtherCoder)
);
CREATE TABLE STATEMENTS (
    ID INTEGER NOT NULL PRIMARY KEY,
    StatementTypeId INTEGER REFERENCES STATEMENTTYPES(ID) ON DELETE CASCADE,
    DocumentId INTEGER REFERENCES DOCUMENTS(ID) ON DELETE CASCADE,
    Start INTEGER NOT NULL CHECK (Start >= 0),
    Stop INTEGER NOT NULL CHECK (Stop >= 0),
    Coder INTEGER REFERENCES CODERS(ID) ON DELETE CASCADE,
    CHECK (Start < Stop)
);
CREATE TABLE ENTITIES (
    ID INTEGER PRIMARY KEY NOT NULL,
    VariableId INTEGER NOT NULL REFERENCES VARIABLES(ID) ON DELETE CASCADE,
    Value TEXT NOT NULL DEFAULT '' CHECK (LENGTH(Value) < 191),
    Red INTEGER DEFAULT 0, Green INTEGER DEFAULT 0, Blue INTEGER DEFAULT 0,
    ChildOf INTEGER CHECK (ChildOf > 0) REFERENCES ENTITIES(ID) ON DELETE CASCADE,
    UNIQUE (VariableId, Value)
);
CREATE TABLE DATABOOLEAN (
    ID INTEGER PRIMARY KEY NOT NULL,
    StatementId INTEGER NOT NULL REFERENCES STATEMENTS(ID) ON DELETE CASCADE,
    VariableId INTEGER NOT NULL REFERENCES VARIABLES(ID) ON DELETE CASCADE,
    Value INTEGER NOT NULL DEFAULT 1,
    UNIQUE (StatementId, VariableId)
);
CREATE TABLE DATAINTEGER (
    ID INTEGER PRIMARY KEY NOT NULL,
    StatementId INTEGER NOT NULL REFERENCES STATEMENTS(ID) ON DELETE CASCADE,
    VariableId INTEGER NOT NULL REFERENCES VARIABLES(ID) ON DELETE CASCADE,
    Value INTEGER NOT NULL DEFAULT 0,
    UNIQUE (StatementId, VariableId)
);
CREATE TABLE DATASHORTTEXT (
    ID INTEGER PRIMARY KEY NOT NULL,
    StatementId INTEGER NOT NULL REFERENCES STATEMENTS(ID) ON DELETE CASCADE,
    VariableId INTEGER NOT NULL REFERENCES VARIABLES(ID) ON DELETE CASCADE,
    Entity INTEGER NOT NULL REFERENCES ENTITIES(ID) ON DELETE CASCADE,
    UNIQUE (StatementId, VariableId)
);
CREATE TABLE DATALONGTEXT (
    ID INTEGER PRIMARY KEY NOT NULL,
    StatementId INTEGER NOT NULL REFERENCES STATEMENTS(ID) ON DELETE CASCADE,
    VariableId INTEGER NOT NULL REFERENCES VARIABLES(ID) ON DELETE CASCADE,
    Value TEXT DEFAULT '',
    UNIQUE (StatementId, VariableId)
);
CREATE TABLE ATTRIBUTEVARIABLES (
    ID INTEGER PRIMARY KEY NOT NULL,
    VariableId INTEGER NOT NULL REFERENCES VARIABLES(ID) ON DELETE CASCADE,
    AttributeVariable TEXT NOT NULL CHECK (LENGTH(AttributeVariable) < 191),
    UNIQUE (VariableId, AttributeVariable)
);
CREATE TABLE ATTRIBUTEVALUES (
    ID INTEGER PRIMARY KEY NOT NULL,
    EntityId INTEGER NOT NULL REFERENCES ENTITIES(ID) ON DELETE CASCADE,
    AttributeVariableId INTEGER NOT NULL REFERENCES ATTRIBUTEVARIABLES(ID) ON DELETE CASCADE,
    AttributeValue TEXT NOT NULL DEFAULT '' CHECK (LENGTH(AttributeValue) < 191),
    UNIQUE (EntityId, AttributeVariableId)
);
"""


def jasypt_strong_digest(password: str, salt: bytes | None = None) -> str:
    """``password`` as jasypt's StrongPasswordEncryptor stores it: base64(salt + SHA-256 iterated 100,000 times)."""
    salt = os.urandom(16) if salt is None else salt
    digest = hashlib.sha256(salt + password.encode("utf-8")).digest()
    for _ in range(100_000 - 1):
        digest = hashlib.sha256(digest).digest()
    return base64.b64encode(salt + digest).decode("ascii")


def write_dna_database(conn: sqlite3.Connection, path: Path, concepts: dict[str, str] | None = None) -> Path:
    """Write the stances to a new DNA 3 database at ``path`` (replacing a file there)."""
    rows = dna_rows(conn, concepts)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    out = sqlite3.connect(partial)
    try:
        out.executescript(SCHEMA)
        with out:
            _fill(conn, out, rows)
        out.execute("PRAGMA foreign_keys = ON")
        problems = out.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise ValueError(f"DNA database has broken references: {problems[:3]}")
    finally:
        out.close()
    partial.replace(path)
    return path


def _fill(conn: sqlite3.Connection, out: sqlite3.Connection, rows: list[list[object]]) -> None:
    now = datetime.now(UTC)
    out.executemany(
        "INSERT INTO SETTINGS (Property, Value) VALUES (?, ?)",
        [("version", DNA_VERSION), ("date", now.date().isoformat()), ("creator", "powermap")],
    )
    out.execute(
        "INSERT INTO CODERS (ID, Name, Red, Green, Blue, Password) VALUES (1, 'Admin', 255, 255, 0, ?)",
        (jasypt_strong_digest(ADMIN_PASSWORD),),
    )
    out.execute(
        "INSERT INTO STATEMENTTYPES (ID, Label, Red, Green, Blue) VALUES (1, ?, 239, 208, 51)", (STATEMENT_TYPE,)
    )
    variable_ids = {}
    for number, (name, kind) in enumerate(VARIABLES, start=1):
        out.execute("INSERT INTO VARIABLES (ID, Variable, DataType, StatementTypeId) VALUES (?, ?, ?, 1)",
                    (number, name, kind))  # fmt: skip
        variable_ids[name] = number
    attribute_ids: dict[tuple[int, str], int] = {}
    for name, kind in VARIABLES:
        if kind != "short text":
            continue
        for attribute in ATTRIBUTES:
            cursor = out.execute(
                "INSERT INTO ATTRIBUTEVARIABLES (VariableId, AttributeVariable) VALUES (?, ?)",
                (variable_ids[name], attribute),
            )
            attribute_ids[(variable_ids[name], attribute)] = cursor.lastrowid  # type: ignore[assignment]
    documents = _documents(conn, out, {r[1] for r in rows})
    actor_types = dict(conn.execute("SELECT id, type FROM actors").fetchall())
    entities: dict[tuple[int, str], int] = {}

    def entity(variable: str, value: str, notes: str = "", kind: str = "") -> int:
        key = (variable_ids[variable], value[:MAX_SHORT])
        if key not in entities:
            cursor = out.execute("INSERT INTO ENTITIES (VariableId, Value) VALUES (?, ?)", key)
            entities[key] = cursor.lastrowid  # type: ignore[assignment]
            values = {"Type": kind, "Alias": "", "Notes": notes}
            out.executemany(
                "INSERT INTO ATTRIBUTEVALUES (EntityId, AttributeVariableId, AttributeValue) VALUES (?, ?, ?)",
                [(entities[key], attribute_ids[(key[0], a)], values[a][:MAX_SHORT]) for a in ATTRIBUTES],
            )
        return entities[key]

    for sid, doc_id, start, stop, _, person, organization, concept, agree, *_, actor, _ in rows:
        out.execute(
            "INSERT INTO STATEMENTS (ID, StatementTypeId, DocumentId, Start, Stop, Coder) VALUES (?, 1, ?, ?, ?, 1)",
            (sid, documents[str(doc_id)], start, stop),
        )
        is_person = bool(person)
        values = {
            "person": entity("person", str(person), str(actor) if is_person else "", "person" if is_person else ""),
            "organization": entity(
                "organization", str(organization), "" if is_person else str(actor),
                "" if is_person else actor_types.get(str(actor), ""),
            ),
            "concept": entity("concept", str(concept)),
        }  # fmt: skip
        out.executemany(
            "INSERT INTO DATASHORTTEXT (StatementId, VariableId, Entity) VALUES (?, ?, ?)",
            [(sid, variable_ids[name], entity_id) for name, entity_id in values.items()],
        )
        out.execute(
            "INSERT INTO DATABOOLEAN (StatementId, VariableId, Value) VALUES (?, ?, ?)",
            (sid, variable_ids["agreement"], 1 if agree else 0),
        )


def _documents(conn: sqlite3.Connection, out: sqlite3.Connection, doc_ids: set) -> dict[str, int]:
    """Copy the documents with statements; powermap id -> DNA document id."""
    numbers: dict[str, int] = {}
    query = "SELECT id, title, text, author, coalesce(source, site), published FROM documents ORDER BY rowid"
    for doc_id, title, text, author, outlet, published in conn.execute(query):
        if doc_id not in doc_ids:
            continue
        numbers[doc_id] = len(numbers) + 1
        out.execute(
            "INSERT INTO DOCUMENTS (ID, Title, Text, Coder, Author, Source, Notes, Date) "
            "VALUES (?, ?, ?, 1, ?, ?, ?, ?)",
            (numbers[doc_id], (title or doc_id)[:MAX_SHORT], text, (author or "")[:MAX_SHORT],
             (outlet or "")[:MAX_SHORT], doc_id, _epoch(published)),
        )  # fmt: skip
    return numbers


def _epoch(published: str | None) -> int:
    """A publication date (YYYY, YYYY-MM or YYYY-MM-DD) as epoch seconds at 00:00 UTC of its first day; 0 if none."""
    if not published:
        return 0
    try:
        day = datetime.fromisoformat((published + "-01-01")[:10])
    except ValueError:
        return 0
    return int(day.replace(tzinfo=UTC).timestamp())
