"""Orchest's SDK for Orchest Desktop: parameters, data passing and services of a pipeline step.

A pure standard-library rewrite with the API of Orchest's own ``orchest`` package.
"""
from orchest import error
from orchest.config import Config
from orchest.error import (
    DataInvalidNameError,
    DeserializationError,
    DiskOutputNotFoundError,
    Error,
    InputNameCollisionError,
    InvalidMetaDataError,
    OutputNotFoundError,
    PipelineDefinitionNotFoundError,
    PipelineFileReadOnlyError,
    SerializationError,
    ServiceNotFound,
    SessionNotFound,
    StepUUIDResolveError,
    UnrecognizedSessionType,
)
from orchest.parameters import (
    get_params,
    get_pipeline_param,
    get_step_param,
    update_params,
    update_pipeline_param,
    update_step_param,
)
from orchest.services import get_service, get_services
from orchest.transfer import get_inputs, output

__version__ = "0.1.0-orchest-desktop"

__all__ = [
    "Config",
    "DataInvalidNameError",
    "DeserializationError",
    "DiskOutputNotFoundError",
    "Error",
    "InputNameCollisionError",
    "InvalidMetaDataError",
    "OutputNotFoundError",
    "PipelineDefinitionNotFoundError",
    "PipelineFileReadOnlyError",
    "SerializationError",
    "ServiceNotFound",
    "SessionNotFound",
    "StepUUIDResolveError",
    "UnrecognizedSessionType",
    "error",
    "get_inputs",
    "get_params",
    "get_pipeline_param",
    "get_service",
    "get_services",
    "get_step_param",
    "output",
    "update_params",
    "update_pipeline_param",
    "update_step_param",
]
