"""The embedded store: one SQLite file in WAL mode inside a store folder.

``open_store(path)`` opens (creating and migrating as needed) the store; it gives one
writer and any number of readers, in this process or others.
"""

from powermap.store.sqlite import DEFAULT_STORE, AddResult, Store, StoreError, open_store

__all__ = ["DEFAULT_STORE", "AddResult", "Store", "StoreError", "open_store"]
