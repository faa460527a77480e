"""Duplicate keys: an exact hash of the normalised text and a MinHash for near duplicates.

Exact duplicates (the same text up to Unicode form, invisible characters, case and whitespace) share
``content_hash``. Near duplicates (a syndicated story with small edits) are found with
MinHash over word 5-shingles and LSH banding: two texts whose estimated Jaccard similarity
reaches ``NEAR_DUPLICATE_THRESHOLD`` are linked.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np

NUM_PERM = 128
BANDS = 32  # 32 bands of 4 rows: pairs at Jaccard 0.8 collide in some band with p > 0.99
ROWS = NUM_PERM // BANDS
SHINGLE = 5
NEAR_DUPLICATE_THRESHOLD = 0.8
_WORD = re.compile(r"\w+")


#: Invisible format characters (soft hyphen, zero-width and joiner characters, bidi marks, BOM).
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def normalise(text: str) -> str:
    """Unicode-compatibility form, invisible format characters removed, case folded, whitespace collapsed."""
    return " ".join(_INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).casefold().split())


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def signature(text: str) -> np.ndarray:
    """The MinHash signature (``NUM_PERM`` uint64 values) of the text's word shingles."""
    from datasketch import MinHash  # imported here: it pulls in SciPy, which every CLI start would pay for

    words = _WORD.findall(normalise(text))
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    sketch = MinHash(num_perm=NUM_PERM, seed=1)
    sketch.update_batch([s.encode("utf-8") for s in shingles])
    return sketch.hashvalues.astype(np.uint64)


def bands(sig: np.ndarray) -> list[tuple[int, str]]:
    """LSH bucket keys, one per band."""
    return [
        (b, hashlib.blake2b(sig[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8).hexdigest()) for b in range(BANDS)
    ]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(a == b))
