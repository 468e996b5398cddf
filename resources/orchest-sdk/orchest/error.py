"""Exceptions of the Orchest SDK, named as in Orchest's own SDK."""


class Error(Exception):
    """Base class of every error the SDK raises."""


class PipelineDefinitionNotFoundError(Error):
    """The pipeline file cannot be found."""


class PipelineFileReadOnlyError(Error):
    """The pipeline file cannot be written (it is mounted read-only during runs)."""


class SerializationError(Error):
    """Data cannot be serialized."""


class DeserializationError(Error):
    """Data cannot be deserialized."""


class OutputNotFoundError(Error):
    """The output of an incoming step cannot be found."""


class DiskOutputNotFoundError(OutputNotFoundError):
    """The output of an incoming step cannot be found on disk."""


class StepUUIDResolveError(Error):
    """The UUID of the current step cannot be resolved."""


class InputNameCollisionError(Error):
    """Several incoming steps output data under the same name."""


class DataInvalidNameError(Error):
    """The name given to output data is invalid."""


class InvalidMetaDataError(Error):
    """A HEAD file (data passing metadata) cannot be interpreted."""


class ServiceNotFound(Error):
    """No service of the session has the name asked for."""


class SessionNotFound(Error):
    """The session (and so its services) cannot be found."""


class UnrecognizedSessionType(Error):
    """ORCHEST_SESSION_TYPE is neither "interactive" nor "noninteractive"."""
