"""Data passing of the `orchest` SDK: orchest.output and orchest.get_inputs, in Orchest's disk format."""
import contextlib
import io
import os
import pickle
import re
import sys
from unittest import mock

from test_orchest_sdk import A, B, C, D, SdkTest, error, orchest

HEAD_PATTERN = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d; PICKLE; %s$"


class OutputTest(SdkTest):
    def test_writes_pickle_and_head(self):
        self.output_as(A, {"rows": [1, 2]}, "table")
        self.assertRegex(self.read_text(os.path.join(self.data_dir(A), "HEAD")), HEAD_PATTERN % "table")
        with open(os.path.join(self.data_dir(A), A + ".PICKLE"), "rb") as f:
            self.assertEqual(pickle.load(f), {"rows": [1, 2]})
        self.assertEqual(sorted(os.listdir(self.data_dir(A))), ["HEAD", A + ".PICKLE"])

    def test_unnamed_and_overwrite(self):
        self.output_as(A, 1, "first")
        self.output_as(A, 2, None)
        self.assertRegex(self.read_text(os.path.join(self.data_dir(A), "HEAD")), HEAD_PATTERN % "unnamed")
        self.assertEqual(orchest.get_inputs(ignore_failure=True)["unnamed"], [2])

    def test_head_is_written_last(self):
        head = os.path.join(self.data_dir(A), "HEAD")
        placed = []
        real_replace = os.replace

        def recording_replace(source, destination):
            placed.append((os.path.basename(destination), os.path.exists(head)))
            real_replace(source, destination)

        with mock.patch("os.replace", recording_replace):
            self.output_as(A, "data", None)
        self.assertEqual(placed, [(A + ".PICKLE", False), ("HEAD", False)])

    def test_invalid_names_and_data(self):
        for name in (3, "unnamed", "a; b"):
            self.assertRaises(error.DataInvalidNameError, orchest.output, "data", name)
        self.assertRaises(TypeError, orchest.output, "data")  # name is required, as in Orchest
        self.assertRaises(error.SerializationError, orchest.output, lambda: 1, None)
        self.assertFalse(os.path.exists(self.data_dir(C)))

    def test_needs_step_and_pipeline_uuid(self):
        del os.environ["ORCHEST_STEP_UUID"]
        self.assertRaises(error.StepUUIDResolveError, orchest.output, 1, None)
        os.environ["ORCHEST_STEP_UUID"] = C
        del os.environ["ORCHEST_PIPELINE_UUID"]
        self.assertRaises(error.Error, orchest.output, 1, None)


class GetInputsTest(SdkTest):
    def test_named_and_unnamed_in_incoming_connections_order(self):
        self.output_as(A, "from A", None)
        self.output_as(D, {"x": 1}, "features")
        self.output_as(B, "from B", None)
        self.assertEqual(orchest.get_inputs(), {"unnamed": ["from B", "from A"], "features": {"x": 1}})

    def test_step_without_parents(self):
        os.environ["ORCHEST_STEP_UUID"] = A
        self.assertEqual(orchest.get_inputs(), {"unnamed": []})

    def test_name_collision(self):
        self.output_as(A, 1, "same")
        self.output_as(B, 2, "same")
        self.output_as(D, 3, None)
        with self.assertRaisesRegex(error.InputNameCollisionError, r"same: \['clean', 'load'\]"):
            orchest.get_inputs()

    def test_missing_output(self):
        self.output_as(A, "a", None)
        self.output_as(D, "d", "named")
        message = 'Output from incoming step "%s" cannot be found. Try rerunning it.' % B
        with self.assertRaisesRegex(error.DiskOutputNotFoundError, "^%s$" % re.escape(message)):
            orchest.get_inputs()
        self.assertEqual(orchest.get_inputs(ignore_failure=True), {"unnamed": ["a"], "named": "d"})
        os.remove(os.path.join(self.data_dir(A), A + ".PICKLE"))  # HEAD without its data
        self.assertRaises(error.DiskOutputNotFoundError, orchest.get_inputs)
        self.assertEqual(orchest.get_inputs(ignore_failure=True), {"unnamed": [], "named": "d"})

    def test_verbose(self):
        for parent in (A, B, D):
            self.output_as(parent, parent, None)
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            orchest.get_inputs(verbose=True)
        self.assertIn('Retrieved input from step: "clean"', printed.getvalue())

    def test_reads_data_written_by_orchest(self):
        for parent, name in ((A, "unnamed"), (B, "b"), (D, "d")):
            os.makedirs(self.data_dir(parent))
            with open(os.path.join(self.data_dir(parent), parent + ".PICKLE"), "wb") as f:
                pickle.dump(name.upper(), f, protocol=4)
            with open(os.path.join(self.data_dir(parent), "HEAD"), "w") as f:
                f.write("2023-06-06T10:00:00; PICKLE; %s" % name)
        self.assertEqual(orchest.get_inputs(), {"unnamed": ["UNNAMED"], "b": "B", "d": "D"})

    def test_bad_head_and_bad_data(self):
        for parent in (A, B, D):
            self.output_as(parent, parent, None)
        head = os.path.join(self.data_dir(B), "HEAD")
        for text in ("garbage", "yesterday; PICKLE; x", "2023-06-06T10:00:00; JSON; x", "1; 2; 3; 4; 5"):
            with open(head, "w") as f:
                f.write(text)
            self.assertRaises(error.InvalidMetaDataError, orchest.get_inputs)
        self.output_as(B, "b", None)
        with open(os.path.join(self.data_dir(B), B + ".PICKLE"), "wb") as f:
            f.write(b"not a pickle")
        self.assertRaises(error.DeserializationError, orchest.get_inputs)

    def test_missing_pipeline_file(self):
        os.remove(self.pipeline_path)
        self.assertRaises(error.PipelineDefinitionNotFoundError, orchest.get_inputs)


class WithoutPyarrowTest(SdkTest):
    """Debian has no pyarrow: the Arrow formats are not tested, what the SDK does without pyarrow is."""

    def setUp(self):
        super().setUp()
        self.enterContext_(mock.patch.dict(sys.modules, {"pyarrow": None}))  # `import pyarrow` fails

    def test_arrow_input_says_pyarrow_is_missing(self):
        for parent in (A, D):
            self.output_as(parent, parent, None)
        os.makedirs(self.data_dir(B))
        with open(os.path.join(self.data_dir(B), B + ".ARROW_TABLE"), "wb") as f:
            f.write(b"an Arrow stream written where pyarrow is installed")
        with open(os.path.join(self.data_dir(B), "HEAD"), "w") as f:
            f.write("2023-06-06T10:00:00; ARROW_TABLE; table")
        with self.assertRaisesRegex(error.DeserializationError,
                                    "^The data was output as ARROW_TABLE and pyarrow is not installed in this image"):
            orchest.get_inputs()
