"""Step and pipeline parameters, stored in the pipeline file."""
from orchest.pipeline_file import current_step, read_pipeline, write_pipeline


def get_params():
    """Return ``(step_params, pipeline_params)`` of the current step and its pipeline."""
    pipeline = read_pipeline()
    return current_step(pipeline).get("parameters", {}), pipeline.get("parameters", {})


def get_step_param(name):
    """Return a parameter of the current step; KeyError if it has none of that name."""
    return get_params()[0][name]


def get_pipeline_param(name):
    """Return a pipeline parameter; KeyError if there is none of that name."""
    return read_pipeline().get("parameters", {})[name]


def update_params(step_params=None, pipeline_params=None):
    """Update (``dict.update``) the parameters and write the pipeline file back."""
    if step_params is None and pipeline_params is None:
        return
    pipeline = read_pipeline()
    if pipeline_params is not None:
        _update(pipeline, pipeline_params)
    if step_params is not None:
        _update(current_step(pipeline), step_params)
    write_pipeline(pipeline)


def update_step_param(name, value):
    """Set one parameter of the current step."""
    update_params(step_params={name: value})


def update_pipeline_param(name, value):
    """Set one pipeline parameter."""
    update_params(pipeline_params={name: value})


def _update(owner, params):
    for key in params:
        if not isinstance(key, str):
            raise TypeError(
                "Parameter keys can only be of type string. Key %r of type %s is invalid."
                % (key, type(key))
            )
    owner.setdefault("parameters", {}).update(params)
