"""The `orchest` SDK of resources/orchest-sdk: parameters, services, data passing."""
import errno
import json
import os
import sys
import tempfile
import unittest
from unittest import mock

sys.dont_write_bytecode = True  # resources/ is shipped: leave no __pycache__ in it
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "resources", "orchest-sdk"))

import orchest  # noqa: E402
from orchest import error  # noqa: E402

PIPELINE = "0a1b2c3d-0000-4000-8000-000000000001"
SESSION = "4e1f0000-1111-4222-8333-7a7a7a7a7a7a"
A, B, C, D = ("%s-1111-4111-8111-111111111111" % prefix for prefix in ("aaaaaaaa", "bbbbbbbb", "cccccccc", "dddddddd"))
REDIS = {"name": "redis", "image": "redis", "scope": ["interactive"], "ports": [6379], "env_variables": {"K": "V"}}
STREAMLIT = {"name": "streamlit", "image": "st", "scope": ["interactive", "noninteractive"],
             "ports": ["8501"], "preserve_base_path": True}


def step(uuid, title, parents=(), parameters=None):
    return {"uuid": uuid, "title": title, "incoming_connections": list(parents), "parameters": parameters or {}}


def pipeline_definition():
    return {
        "name": "Main", "uuid": PIPELINE, "version": "1.2.3", "parameters": {"epochs": 3},
        "steps": {A: step(A, "load"), B: step(B, "clean"), D: step(D, "features"),
                  C: step(C, "train", parents=[B, A, D], parameters={"lr": 0.1})},
        "services": {"redis": REDIS, "streamlit": STREAMLIT},
    }


class SdkTest(unittest.TestCase):
    def setUp(self):
        self.dir = self.enterContext_(tempfile.TemporaryDirectory())
        self.pipeline_path = os.path.join(self.dir, "pipeline.json")
        self.session_path = os.path.join(self.dir, "session.json")
        self.project_dir = os.path.join(self.dir, "project")
        env = {k: v for k, v in os.environ.items() if not k.startswith("ORCHEST_")}
        env.update(ORCHEST_PIPELINE_PATH=self.pipeline_path, ORCHEST_DESKTOP_PROJECT_DIR=self.project_dir,
                   ORCHEST_PIPELINE_UUID=PIPELINE, ORCHEST_SESSION_UUID=SESSION, ORCHEST_STEP_UUID=C,
                   ORCHEST_DESKTOP_SESSION_FILE=self.session_path, ORCHEST_SESSION_TYPE="interactive")
        self.enterContext_(mock.patch.dict(os.environ, env, clear=True))
        self.write_json(self.pipeline_path, pipeline_definition())

    def enterContext_(self, context):  # TestCase.enterContext exists from Python 3.11 only
        value = context.__enter__()
        self.addCleanup(context.__exit__, None, None, None)
        return value

    def write_json(self, path, value):
        with open(path, "w") as f:
            json.dump(value, f)

    def read_text(self, path):
        with open(path) as f:
            return f.read()

    def data_dir(self, step_uuid):
        return os.path.join(self.project_dir, ".orchest", "pipelines", PIPELINE, "data", step_uuid)

    def output_as(self, step_uuid, data, name):
        os.environ["ORCHEST_STEP_UUID"] = step_uuid
        orchest.output(data, name)
        os.environ["ORCHEST_STEP_UUID"] = C


class PackageTest(SdkTest):
    def test_version_and_errors(self):
        self.assertEqual(orchest.__version__, "0.1.0-orchest-desktop")
        for name in ("PipelineDefinitionNotFoundError", "SerializationError", "DeserializationError",
                     "OutputNotFoundError", "DiskOutputNotFoundError", "StepUUIDResolveError",
                     "InputNameCollisionError", "DataInvalidNameError", "InvalidMetaDataError",
                     "ServiceNotFound", "SessionNotFound", "UnrecognizedSessionType"):
            self.assertTrue(issubclass(getattr(error, name), error.Error), name)
            self.assertIs(getattr(orchest, name), getattr(error, name))

    def test_config_reads_the_environment_at_each_access(self):
        self.assertEqual(orchest.Config.SESSION_UUID, SESSION)
        os.environ["ORCHEST_SESSION_UUID"] = "other"
        self.assertEqual(orchest.Config.SESSION_UUID, "other")
        del os.environ["ORCHEST_PIPELINE_PATH"]
        self.assertEqual(orchest.Config.PIPELINE_DEFINITION_PATH, "/pipeline.json")


class ParametersTest(SdkTest):
    def test_get(self):
        self.assertEqual(orchest.get_params(), ({"lr": 0.1}, {"epochs": 3}))
        self.assertEqual(orchest.get_step_param("lr"), 0.1)
        self.assertEqual(orchest.get_pipeline_param("epochs"), 3)
        self.assertRaises(KeyError, orchest.get_step_param, "missing")
        self.assertRaises(KeyError, orchest.get_pipeline_param, "missing")

    def test_update_writes_orchest_format_and_keeps_other_keys(self):
        orchest.update_params(step_params={"lr": 0.2, "new": [1]}, pipeline_params={"epochs": 4})
        orchest.update_step_param("batch", 8)
        orchest.update_pipeline_param("seed", 1)
        expected = pipeline_definition()
        expected["parameters"] = {"epochs": 4, "seed": 1}
        expected["steps"][C]["parameters"] = {"lr": 0.2, "new": [1], "batch": 8}
        self.assertEqual(self.read_text(self.pipeline_path), json.dumps(expected, indent=4, sort_keys=True))

    def test_invalid_updates_leave_the_file_alone(self):
        before = self.read_text(self.pipeline_path)
        self.assertRaises(TypeError, orchest.update_step_param, 1, "a")
        self.assertRaises(TypeError, orchest.update_pipeline_param, "f", object())
        self.assertEqual(self.read_text(self.pipeline_path), before)

    def test_read_only_pipeline_file(self):
        real_open = open

        def read_only_open(path, mode="r", *args, **kwargs):
            if "w" in mode:
                raise OSError(errno.EROFS, "Read-only file system", path)
            return real_open(path, mode, *args, **kwargs)

        with mock.patch("builtins.open", read_only_open):
            with self.assertRaisesRegex(error.PipelineFileReadOnlyError, "read-only during runs"):
                orchest.update_pipeline_param("epochs", 9)

    def test_current_step_and_pipeline_file_must_exist(self):
        os.environ["ORCHEST_STEP_UUID"] = "not-a-step"
        self.assertRaises(error.StepUUIDResolveError, orchest.get_params)
        del os.environ["ORCHEST_STEP_UUID"]
        self.assertRaises(error.StepUUIDResolveError, orchest.get_step_param, "lr")
        self.assertEqual(orchest.get_pipeline_param("epochs"), 3)
        os.remove(self.pipeline_path)
        self.assertRaises(error.PipelineDefinitionNotFoundError, orchest.get_params)
        with open(self.pipeline_path, "w") as f:
            f.write('{"steps": ')
        with self.assertRaisesRegex(error.Error, "^The pipeline file .* is not valid JSON"):
            orchest.get_pipeline_param("epochs")


class ServicesTest(SdkTest):
    def write_session(self, **extra):
        self.write_json(self.session_path, dict({"services": {"redis": REDIS, "streamlit": STREAMLIT}}, **extra))

    def test_interactive_with_proxy_origin(self):
        self.write_session(proxy_origin="http://127.0.0.1:8766")
        redis = orchest.get_service("redis")
        self.assertEqual(redis, {
            "name": "redis", "image": "redis", "ports": [6379], "env_variables": {"K": "V"},
            "internal_hostname": "redis-" + SESSION,
            "base_paths": {6379: "/service-redis-%s_6379" % SESSION},
            "external_urls": {6379: "http://127.0.0.1:8766/service-redis-%s_6379/" % SESSION},
        })
        streamlit = orchest.get_services()["streamlit"]
        self.assertEqual(streamlit["base_paths"], {8501: "/pbp-service-streamlit-%s_8501" % SESSION})
        self.assertEqual(streamlit["external_urls"][8501], "http://127.0.0.1:8766/pbp-service-streamlit-%s_8501/" % SESSION)
        self.assertNotIn("scope", streamlit)

    def test_interactive_without_proxy_origin_keeps_orchest_placeholders(self):
        self.write_session()
        self.assertEqual(orchest.get_service("redis")["external_urls"],
                         {6379: "http://{host_name}:{port}/service-redis-%s_6379/" % SESSION})

    def test_noninteractive_reads_the_pipeline_file(self):
        os.environ["ORCHEST_SESSION_TYPE"] = "noninteractive"
        self.assertEqual(sorted(orchest.get_services()), ["redis", "streamlit"])
        self.assertEqual(orchest.get_service("redis")["internal_hostname"], "redis-" + SESSION)

    def test_errors(self):
        self.assertRaises(error.SessionNotFound, orchest.get_services)
        with open(self.session_path, "w") as f:
            f.write("not json")
        with self.assertRaisesRegex(error.Error, "^The session file .* is not valid JSON"):
            orchest.get_services()
        self.write_session()
        with self.assertRaisesRegex(error.ServiceNotFound, "^Could not find service with name nope$"):
            orchest.get_service("nope")
        for session_type in ("job", None):
            os.environ.pop("ORCHEST_SESSION_TYPE")
            if session_type:
                os.environ["ORCHEST_SESSION_TYPE"] = session_type
            self.assertRaises(error.UnrecognizedSessionType, orchest.get_service, "redis")
            os.environ["ORCHEST_SESSION_TYPE"] = "interactive"
