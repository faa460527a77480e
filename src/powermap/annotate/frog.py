"""Frog (the Dutch memory-based NLP suite) as an annotator, driven through its server mode.

One ``frog -S PORT`` process per annotator, bound to 127.0.0.1, started once and stopped in
``close()`` (and at exit). A request is the text followed by a line ``EOT``; Frog answers with
one tab-separated line per token (index, word, lemma, morphemes, CGN tag, confidence, NER,
chunk, head, relation), a blank line between sentences, and a final line ``READY``.
Frog joins multi-word units with ``_`` (``Vladimir_Poetin``); the adapter splits them back and
aligns every token to the original text (``frog_align``), so ``doc.text == text``.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.tokens import Doc

from powermap.annotate.base import AnnotatorInfo
from powermap.annotate.frog_align import AlignedToken, build_doc_arrays
from powermap.annotate.registry import annotators

CGN_UD = Path(__file__).resolve().parent.parent / "lang" / "nl" / "cgn_ud.tsv"
AUX_LEMMAS = frozenset({"zijn", "hebben", "worden", "zullen", "kunnen", "moeten", "mogen"})
NER_LABELS = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC", "PRO": "MISC", "EVE": "MISC"}


@dataclass
class FrogToken:
    """One token of Frog's answer, after splitting multi-word units."""

    word: str
    lemma: str
    tag: str
    ner: str
    head: int  # 0-based index in the sentence, own index for a root
    dep: str


class CgnMapper:
    """CGN tags to UPOS and UD features, and Frog relations to UD labels (from ``cgn_ud.tsv``)."""

    def __init__(self, path: Path = CGN_UD) -> None:
        self.upos: list[tuple[str, str, str]] = []
        self.feats: list[tuple[str, str, str]] = []
        self.deps: dict[str, str] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or line.startswith("kind\t") or not line.strip():
                continue
            kind, cgn, condition, ud = line.split("\t")
            if kind == "upos":
                self.upos.append((cgn, condition, ud))
            elif kind == "feat":
                self.feats.append((cgn, condition, ud))
            elif kind == "dep":
                self.deps[cgn] = ud

    @staticmethod
    def split(tag: str) -> tuple[str, list[str]]:
        head, _, rest = tag.partition("(")
        return head, [f for f in rest.rstrip(")").split(",") if f]

    def pos(self, tag: str) -> str:
        head, feats = self.split(tag)
        for cgn, condition, ud in self.upos:
            if cgn == head and (condition == "*" or condition in feats):
                return ud
        return "X"

    def morph(self, tag: str) -> str:
        head, feats = self.split(tag)
        out: dict[str, str] = {}
        for cgn, condition, ud in self.feats:
            if cgn in feats and condition in ("*", head):
                key, value = ud.split("=")
                out.setdefault(key, value)
        return "|".join(f"{k}={v}" for k, v in sorted(out.items()))

    def dep(self, relation: str) -> str:
        return self.deps.get(relation, "dep")


def parse_frog_output(answer: str) -> list[list[FrogToken]]:
    """Frog's tab-separated answer as sentences of tokens, multi-word units split on ``_``."""
    sentences: list[list[FrogToken]] = []
    rows: list[list[str]] = []
    for line in [*answer.splitlines(), ""]:
        cols = line.split("\t")
        if len(cols) >= 10 and cols[0].isdigit():
            rows.append(cols)
            continue
        if rows:
            sentences.append(_split_units(rows))
            rows = []
    return sentences


def _split_units(rows: list[list[str]]) -> list[FrogToken]:
    first_of: dict[int, int] = {}  # Frog's 1-based unit index -> our index of its first token
    pieces: list[list[tuple[str, str, str, str]]] = []
    count = 0
    for cols in rows:
        words = [w for w in cols[1].split("_") if w] or [cols[1]]
        n = len(words)
        lemmas = _spread(cols[2], n)
        tags = _spread(cols[4], n, sep="_")
        ners = _spread(cols[6], n, sep="_")
        first_of[int(cols[0])] = count
        pieces.append(list(zip(words, lemmas, tags, ners, strict=True)))
        count += n
    tokens: list[FrogToken] = []
    for cols, unit in zip(rows, pieces, strict=True):
        start = first_of[int(cols[0])]
        head_unit = int(cols[8]) if cols[8].isdigit() else 0
        head = first_of.get(head_unit, start) if head_unit else start
        for j, (word, lemma, tag, ner) in enumerate(unit):
            if j == 0:
                tokens.append(FrogToken(word, lemma, tag, ner, head, cols[9] if head_unit else "ROOT"))
            else:
                tokens.append(FrogToken(word, lemma, tag, ner, start, "flat"))
    return tokens


def _spread(value: str, n: int, sep: str = "_") -> list[str]:
    """A multi-word unit's field, one value per word (repeat the whole when counts differ)."""
    parts = value.split(sep) if n > 1 else [value]
    return parts if len(parts) == n else [value] * n


def _fix_tree(heads: list[int], deps: list[str]) -> None:
    """One root per sentence, no cycles: extra roots and looping tokens attach to the first root."""
    n = len(heads)
    roots = [i for i in range(n) if heads[i] == i]
    root = roots[0] if roots else 0
    heads[root], deps[root] = root, "ROOT"
    for i in range(n):
        if i != root and heads[i] == i:
            heads[i], deps[i] = root, "parataxis"
    for i in range(n):
        seen, j = set(), i
        while heads[j] != j and j not in seen:
            seen.add(j)
            j = heads[j]
        if j != root:
            heads[i], deps[i] = root, "dep"


class FrogAnnotator:
    """Frog behind the annotator contract.

    Args:
        port (int | None): server port on 127.0.0.1 (a free one when None).
        startup_timeout (float): seconds to wait for Frog to load its models.
        frog (str): the frog executable.
        pretokenised (bool): input is one sentence per line, tokens separated by spaces
            (``frog -n --skip=t``; for evaluation on gold tokens).
    """

    def __init__(
        self,
        port: int | None = None,
        startup_timeout: float = 180.0,
        frog: str = "frog",
        pretokenised: bool = False,
    ) -> None:
        executable = shutil.which(frog)
        if executable is None:
            raise OSError("frog is not installed: `apt-get install -y frog frogdata` (Debian)")
        self.port = port or _free_port()
        self.pretokenised = pretokenised
        self._conn: socket.socket | None = None
        self.mapper = CgnMapper()
        self.vocab = spacy.blank("nl").vocab
        self._proc = subprocess.Popen(
            [executable, "-S", str(self.port), *(["-n", "--skip=t"] if pretokenised else [])],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=os.environ.get("TMPDIR", "/tmp"),  # Frog writes debug files in its working directory
            start_new_session=True,
        )
        atexit.register(self.close)
        self._wait_ready(startup_timeout)
        self.info = AnnotatorInfo(
            name="frog.v1",
            languages=("nl",),
            provides=("sents", "tag", "pos", "morph", "lemma", "dep", "ents"),
            description="Frog 0.20 (Debian frog/frogdata) in server mode; CGN tags mapped to UD",
            details={"executable": executable, "port": str(self.port), "licence": "GPL-3.0-or-later"},
        )

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise OSError(f"frog exited while starting (code {self._proc.returncode})")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.25)
        self.close()
        raise OSError(f"frog did not start within {timeout:.0f} s")

    def analyse(self, text: str) -> str:
        """Frog's raw tab-separated answer for ``text`` (pretokenised: one request per line)."""
        if self.pretokenised:
            return "\n\n".join(self._request(line) for line in text.splitlines() if line.strip())
        return self._request(text)

    def _request(self, text: str) -> str:
        """One text on the long-lived connection (Frog forks a worker per connection); reconnects once."""
        body = "\n".join(line for line in text.splitlines() if line.strip() != "EOT")
        # With -n, Frog answers every line (and would read EOT as a word); else it waits for EOT.
        payload = (body + ("\n" if self.pretokenised else "\nEOT\n")).encode("utf-8")
        for attempt in (1, 2):
            try:
                if self._conn is None:
                    self._conn = socket.create_connection(("127.0.0.1", self.port))
                self._conn.sendall(payload)
                return self._read_answer(self._conn)
            except OSError:
                self._disconnect()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    @staticmethod
    def _read_answer(conn: socket.socket) -> str:
        chunks: list[bytes] = []
        tail = b""
        while not tail.rstrip().endswith(b"READY"):
            chunk = conn.recv(1 << 16)
            if not chunk:
                raise ConnectionError("frog closed the connection before READY")
            chunks.append(chunk)
            tail = (tail + chunk)[-16:]
        answer = b"".join(chunks).decode("utf-8", errors="replace")
        return answer.rstrip().removesuffix("READY")

    def _disconnect(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __call__(self, text: str) -> Doc:
        if not text.strip():
            return Doc(self.vocab, words=[text] if text else [], spaces=[False] if text else [])
        sentences = parse_frog_output(self.analyse(text))
        aligned: list[AlignedToken] = []
        for sentence in sentences:
            heads = [t.head for t in sentence]
            deps = [self.mapper.dep(t.dep) if t.dep not in ("ROOT", "flat") else t.dep for t in sentence]
            _fix_tree(heads, deps)
            has_vc = {heads[i] for i, t in enumerate(sentence) if t.dep == "vc"}
            prev_type = None
            base = len(aligned)
            for i, tok in enumerate(sentence):
                pos = self.mapper.pos(tok.tag)
                if pos == "VERB" and tok.lemma in AUX_LEMMAS and i in has_vc:
                    pos = "AUX"
                iob, prev_type = _iob(tok.ner, prev_type)
                aligned.append(
                    AlignedToken(
                        word=tok.word,
                        lemma=tok.lemma,
                        tag=tok.tag,
                        pos=pos,
                        morph=self.mapper.morph(tok.tag),
                        head=base + heads[i],
                        dep=deps[i],
                        ent=iob,
                        sent_start=i == 0,
                    )
                )
        arrays = build_doc_arrays(text, aligned)
        return Doc(self.vocab, **arrays)

    def pipe(self, texts: list[str]) -> list[Doc]:
        return [self(t) for t in texts]

    def close(self) -> None:
        """Stop the server and the workers it forked (its own process group)."""
        if getattr(self, "_conn", None) is not None:
            self._disconnect()
        proc = getattr(self, "_proc", None)
        if proc is not None and proc.poll() is None:
            _signal_group(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                _signal_group(proc.pid, signal.SIGKILL)
                proc.wait()

    def __enter__(self) -> FrogAnnotator:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _iob(tag: str, prev_type: str | None) -> tuple[str, str | None]:
    """Frog's BIO tag as a spaCy IOB string with our labels; I- after another type starts anew."""
    if "-" not in tag:
        return "O", None
    prefix, kind = tag.split("-", 1)
    label = NER_LABELS.get(kind, "MISC")
    if prefix == "I" and prev_type == label:
        return f"I-{label}", label
    return f"B-{label}", label


def _signal_group(pid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, sig)  # the server was started in its own session: pgid == pid


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@annotators.register("frog.v1")
def make_frog(language: str = "nl") -> FrogAnnotator:
    """Frog for Dutch; raises OSError when the frog program is not installed."""
    if language not in ("nl", "xx"):
        raise LookupError(f"frog.v1 is Dutch only, not {language!r}")
    return FrogAnnotator()
