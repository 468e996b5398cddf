"""Services of the current session, with their host names, base paths and URLs."""
import copy

from orchest.config import Config
from orchest.error import ServiceNotFound, SessionNotFound, UnrecognizedSessionType
from orchest.json_file import read_json
from orchest.pipeline_file import read_pipeline

# Orchest's own SDK returned these placeholders for the caller to fill in.
_PLACEHOLDER_ORIGIN = "http://{host_name}:{port}"


def get_service(name):
    """Return the service called ``name`` (see :func:`get_services` for its shape)."""
    specs, proxy_origin = _session_services()
    if name not in specs:
        raise ServiceNotFound("Could not find service with name %s" % name)
    return _describe(name, specs[name], proxy_origin)


def get_services():
    """Return ``{name: service}`` for every service of the session.

    A service is its definition without ``scope``, plus ``internal_hostname``,
    ``base_paths`` ``{port: path}`` and ``external_urls`` ``{port: url}``.
    """
    specs, proxy_origin = _session_services()
    return {name: _describe(name, spec, proxy_origin) for name, spec in specs.items()}


def _session_services():
    session_type = Config.SESSION_TYPE
    if session_type == "interactive":
        session = _read_session_file()
        return session.get("services", {}), session.get("proxy_origin")
    if session_type == "noninteractive":
        return read_pipeline().get("services", {}), None
    raise UnrecognizedSessionType(
        "ORCHEST_SESSION_TYPE is %r: expected 'interactive' or 'noninteractive'." % session_type
    )


def _read_session_file():
    path = Config.SESSION_FILE
    return read_json(path, "session file", SessionNotFound("No interactive session: %s does not exist." % path))


def _describe(key, spec, proxy_origin):
    session_uuid = Config.SESSION_UUID
    if not session_uuid:
        raise SessionNotFound("ORCHEST_SESSION_UUID is not set.")
    service = copy.deepcopy(spec)
    service.pop("scope", None)
    name = service.get("name", key)
    prefix = "pbp-" if service.get("preserve_base_path", False) else ""
    origin = proxy_origin.rstrip("/") if proxy_origin else _PLACEHOLDER_ORIGIN
    base_paths = {}
    external_urls = {}
    for port in service.get("ports", []):
        port = int(port)
        base_paths[port] = "/%sservice-%s-%s_%d" % (prefix, name, session_uuid, port)
        external_urls[port] = origin + base_paths[port] + "/"
    service["internal_hostname"] = "%s-%s" % (name, session_uuid)
    service["base_paths"] = base_paths
    service["external_urls"] = external_urls
    return service
