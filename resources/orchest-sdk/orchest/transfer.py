"""Data passing between steps, in Orchest's on-disk format.

Each step has one directory ``<project>/.orchest/pipelines/<pipeline>/data/<step>/``
holding its latest output ``<step>.<SERIALIZATION>`` and a ``HEAD`` file
``"<utc timestamp>; <SERIALIZATION>; <name>"`` that describes it.
"""
import os
import pickle
import sys
from datetime import datetime, timezone

from orchest import error
from orchest.config import Config
from orchest.pipeline_file import current_step, current_step_uuid, read_pipeline, step_title

UNNAMED = Config._RESERVED_UNNAMED_OUTPUTS_STR
SEPARATOR = Config.__METADATA_SEPARATOR__
# Orchest's Arrow formats work only where the image has pyarrow. Debian has none, so the tests check
# only what happens without it (test/python/test_orchest_transfer.py).
SERIALIZATIONS = ("ARROW_TABLE", "ARROW_BATCH", "PICKLE")


def output(data, name):
    """Output ``data`` for the next steps under ``name`` (``None``: unnamed).

    Each call replaces the step's previous output.
    """
    _check_name(name)
    step_uuid = current_step_uuid()
    payload, serialization = _serialize(data)
    step_dir = _step_data_dir(step_uuid)
    os.makedirs(step_dir, exist_ok=True)
    # Data first, HEAD last: a reader never finds a HEAD whose data is not there yet.
    _write_atomically(os.path.join(step_dir, step_uuid + "." + serialization), payload)
    _write_atomically(os.path.join(step_dir, "HEAD"), _head(serialization, name).encode("utf-8"))


def get_inputs(ignore_failure=False, verbose=False):
    """Return the outputs of the incoming steps: ``{name: data, ..., "unnamed": [data, ...]}``.

    Unnamed outputs keep the order of the step's incoming connections. With
    ``ignore_failure``, incoming steps without output are left out.
    """
    pipeline = read_pipeline()
    heads = []
    for parent in current_step(pipeline).get("incoming_connections", []):
        try:
            heads.append((parent,) + _read_head(parent))
        except error.DiskOutputNotFoundError:
            if not ignore_failure:
                raise
            _report(verbose, "Failed to retrieve input from step", pipeline, parent)
    _check_collisions(pipeline, heads)

    inputs = {UNNAMED: []}
    for parent, serialization, name in heads:
        try:
            data = _read_data(parent, serialization)
        except error.DiskOutputNotFoundError:
            if not ignore_failure:
                raise
            _report(verbose, "Failed to retrieve input from step", pipeline, parent)
            continue
        _report(verbose, "Retrieved input from step", pipeline, parent)
        if name == UNNAMED:
            inputs[UNNAMED].append(data)
        else:
            inputs[name] = data
    return inputs


def _check_name(name):
    if not isinstance(name, (str, type(None))):
        raise error.DataInvalidNameError("Name should be of type string or `None`.")
    if name == UNNAMED:
        raise error.DataInvalidNameError("'%s' is a reserved `name`." % UNNAMED)
    if name is not None and SEPARATOR in name:
        raise error.DataInvalidNameError("'%s' cannot be part of the `name`." % SEPARATOR)


def _serialize(data):
    # Data can only be a pyarrow object if pyarrow is loaded already: no need to import it.
    pa = sys.modules.get("pyarrow")
    if pa is not None and isinstance(data, (pa.Table, pa.RecordBatch)):
        serialization = "ARROW_TABLE" if isinstance(data, pa.Table) else "ARROW_BATCH"
        try:
            sink = pa.BufferOutputStream()
            writer = pa.ipc.new_stream(sink, data.schema)
            writer.write(data)
            writer.close()
        except pa.ArrowException as e:
            raise error.SerializationError("Could not serialize data of type %s: %s" % (type(data), e)) from e
        return sink.getvalue(), serialization
    try:
        return pickle.dumps(data, pickle.HIGHEST_PROTOCOL), "PICKLE"
    except Exception as e:
        raise error.SerializationError("Could not pickle data of type %s: %s" % (type(data), e)) from e


def _head(serialization, name):
    timestamp = datetime.now(timezone.utc).replace(tzinfo=None).isoformat(timespec="seconds")
    return SEPARATOR.join([timestamp, serialization, UNNAMED if name is None else name])


def _read_head(step_uuid):
    """Return ``(serialization, name)`` from the step's HEAD file."""
    try:
        with open(os.path.join(_step_data_dir(step_uuid), "HEAD"), "r", encoding="utf-8") as f:
            text = f.read().rstrip("\n")
    except FileNotFoundError:
        raise _output_not_found(step_uuid) from None
    parts = text.split(SEPARATOR)
    if len(parts) != 3:
        raise error.InvalidMetaDataError(
            "Metadata %r of step %s is not '<timestamp>; <serialization>; <name>'." % (text, step_uuid)
        )
    timestamp, serialization, name = parts
    try:
        datetime.fromisoformat(timestamp)
    except ValueError:
        raise error.InvalidMetaDataError("Metadata %r has an invalid timestamp." % text) from None
    if serialization not in SERIALIZATIONS:
        raise error.InvalidMetaDataError("Metadata %r has an invalid serialization." % text)
    return serialization, name


def _read_data(step_uuid, serialization):
    path = os.path.join(_step_data_dir(step_uuid), step_uuid + "." + serialization)
    try:
        with open(path, "rb") as f:
            return pickle.load(f) if serialization == "PICKLE" else _read_arrow(f, serialization)
    except FileNotFoundError:
        raise _output_not_found(step_uuid) from None
    except error.Error:
        raise
    except Exception as e:
        raise error.DeserializationError(
            'Output from incoming step "%s" (%s) could not be deserialized: %s' % (step_uuid, path, e)
        ) from e


def _read_arrow(f, serialization):
    try:
        import pyarrow as pa
    except ImportError:
        raise error.DeserializationError(
            "The data was output as %s and pyarrow is not installed in this image." % serialization
        ) from None
    reader = pa.ipc.open_stream(f)
    return reader.read_all() if serialization == "ARROW_TABLE" else next(iter(reader))


def _write_atomically(path, payload):
    temporary = "%s.tmp-%d" % (path, os.getpid())
    try:
        with open(temporary, "wb") as f:
            f.write(payload)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _step_data_dir(step_uuid):
    if not Config.PIPELINE_UUID:
        raise error.Error("ORCHEST_PIPELINE_UUID is not set: the data directory is unknown.")
    return Config.get_step_data_dir(step_uuid)


def _output_not_found(step_uuid):
    return error.DiskOutputNotFoundError(
        'Output from incoming step "%s" cannot be found. Try rerunning it.' % step_uuid
    )


def _check_collisions(pipeline, heads):
    titles_by_name = {}
    for parent, _, name in heads:
        if name != UNNAMED:
            titles_by_name.setdefault(name, []).append(step_title(pipeline, parent))
    collisions = "".join(
        "\n%s: %s" % (name, sorted(titles)) for name, titles in titles_by_name.items() if len(titles) > 1
    )
    if collisions:
        raise error.InputNameCollisionError(
            "Name collisions between input data coming from different steps: " + collisions
        )


def _report(verbose, what, pipeline, step_uuid):
    if verbose:
        print('%s: "%s"' % (what, step_title(pipeline, step_uuid)))
