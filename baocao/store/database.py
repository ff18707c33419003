"""Opening the database: a SQLite file (the default) or a PostgreSQL URL, through
SQLAlchemy, with the locks that let several runs share it."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError, SQLAlchemyError

from baocao.errors import BaocaoError, DatabaseError
from baocao.i18n import _
from baocao.store import schema, search_index

DEFAULT_DB = Path("out/baocao.sqlite")


# Key of the PostgreSQL advisory lock that serialises schema changes and document writes
# of concurrent runs (any fixed number; "baocao" in ASCII).
_PG_LOCK = 0x62616F63616F


def is_url(db: str | Path) -> bool:
    """`--db` is a database URL (postgresql://…) or else a SQLite file path."""
    return "://" in str(db)


def engine_url(db: str | Path) -> str:
    """SQLAlchemy URL for `--db`; plain postgresql:// URLs use the psycopg 3 driver."""
    if not is_url(db):
        return f"sqlite:///{Path(db)}"
    scheme, rest = str(db).split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return f"postgresql+psycopg://{rest}"
    return str(db)


def connect(db: str | Path) -> Engine:
    """Open (creating if needed) the database, with every table and column of the contract."""
    if not is_url(db):
        Path(db).parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = create_engine(engine_url(db))
        if engine.dialect.name == "sqlite":
            _immediate_transactions(engine)
        with engine.begin() as conn:
            lock(conn)
            schema.create(conn)
            search_index.create(conn)
    except SQLAlchemyError as exc:
        raise BaocaoError(f"cannot open the database {display_name(db)}: {reason(exc)}") from exc
    return engine


def _immediate_transactions(engine: Engine) -> None:
    """SQLite: take the write lock when a transaction begins, and wait up to a minute for
    it, so runs sharing one file queue instead of failing with 'database is locked'."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None  # let SQLAlchemy's BEGIN below do the work
        dbapi_conn.execute("PRAGMA busy_timeout = 60000")

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def lock(conn) -> None:
    """PostgreSQL: one writer at a time (until commit), so concurrent runs never interleave
    the delete-then-insert of one document and never duplicate its rows."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK})


def display_name(db: str | Path) -> str:
    """The database named without its password."""
    return make_url(str(db)).render_as_string(hide_password=True) if is_url(db) else str(db)


def database_failure(exc: BaseException) -> DatabaseError | None:
    """The error as the database's own failure (disk full, locked past the wait, server
    gone: SQLAlchemy's OperationalError and lost connections), which stops a run; None for
    an error of what was written (a constraint, a value), which fails that document alone."""
    if isinstance(exc, DatabaseError):
        return exc
    lost = isinstance(exc, DBAPIError) and exc.connection_invalidated
    if not (lost or isinstance(exc, (OperationalError, InterfaceError))):
        return None
    return database_error(exc)


def database_error(exc: BaseException) -> DatabaseError:
    """The error as the database's failure, in one line for the user."""
    return DatabaseError(_("the database failed ({reason}); the documents written before are "
                           "kept: run again once it works").format(reason=reason(exc)))


def reason(exc: BaseException) -> str:
    lines = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
