"""Persistence: every call saved turn by turn (SQLAlchemy 2, Alembic migrations).

```python
store = Store.open()                      # DEESCALATE_DB, else SQLite in the data dir
session = Session(..., listeners=[store.recorder()])
store.sessions(trainee="ana")             # history, oldest first
store.load(session_id)                    # the full SessionRecord
```
"""

from trainer.store.engine import DEFAULT_BUSY_TIMEOUT, data_dir, default_url
from trainer.store.recorder import Recorder
from trainer.store.store import SessionInfo, Store, new_session_id

__all__ = [
    "DEFAULT_BUSY_TIMEOUT",
    "Recorder",
    "SessionInfo",
    "Store",
    "data_dir",
    "default_url",
    "new_session_id",
]
