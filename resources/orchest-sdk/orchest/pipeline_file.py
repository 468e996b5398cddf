"""Reading and writing the pipeline file, and finding the current step in it."""
import errno
import json

from orchest import error
from orchest.config import Config
from orchest.json_file import read_json

_READ_ONLY_ERRNOS = (errno.EROFS, errno.EACCES, errno.EPERM)


def read_pipeline():
    path = Config.PIPELINE_DEFINITION_PATH
    return read_json(path, "pipeline file", error.PipelineDefinitionNotFoundError("Could not open %s." % path))


def write_pipeline(pipeline):
    path = Config.PIPELINE_DEFINITION_PATH
    # Serialize first: a value json cannot encode must not leave a truncated file behind.
    text = json.dumps(pipeline, indent=4, sort_keys=True)
    try:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    except OSError as e:
        if e.errno not in _READ_ONLY_ERRNOS:
            raise
        raise error.PipelineFileReadOnlyError(
            "The pipeline file %s is read-only during runs: parameters cannot be "
            "updated from a step. Change them in the pipeline editor instead." % path
        ) from e


def current_step_uuid():
    step_uuid = Config.STEP_UUID
    if not step_uuid:
        raise error.StepUUIDResolveError(
            "The current step is unknown: ORCHEST_STEP_UUID is not set."
        )
    return step_uuid


def current_step(pipeline):
    step_uuid = current_step_uuid()
    step = pipeline.get("steps", {}).get(step_uuid)
    if step is None:
        raise error.StepUUIDResolveError(
            "Step does not exist in the pipeline with UUID: %s." % step_uuid
        )
    return step


def step_title(pipeline, step_uuid):
    return pipeline.get("steps", {}).get(step_uuid, {}).get("title", step_uuid)
