"""resources/step-runner/run_notebook.py: runs a notebook's code cells like Jupyter's "Run All"."""
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import unittest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RUNNER = os.path.join(REPO, "resources", "step-runner", "run_notebook.py")
HAS_IPYTHON = importlib.util.find_spec("IPython") is not None
# Runs the runner in an interpreter where `import IPython` fails, as in an image without it.
WITHOUT_IPYTHON = (
    "import runpy, sys; sys.modules['IPython'] = None; sys.argv = sys.argv[1:]; "
    "runpy.run_path(sys.argv[0], run_name='__main__')"
)


class RunNotebookTest(unittest.TestCase):
    def setUp(self):
        temporary = tempfile.TemporaryDirectory()
        self.addCleanup(temporary.cleanup)
        self.dir = temporary.name

    def notebook(self, *code_cells, **top_level):
        notebook = {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
            {"cell_type": "markdown", "source": ["# Not code\n", "1 / 0"]},
        ] + [{"cell_type": "code", "source": source, "outputs": []} for source in code_cells]}
        notebook.update(top_level)
        path = os.path.join(self.dir, "step.ipynb")
        with open(path, "w") as f:
            json.dump(notebook, f)
        return path

    def run_notebook(self, path, ipython=True):
        command = [sys.executable, RUNNER, path] if ipython else [sys.executable, "-c", WITHOUT_IPYTHON, RUNNER, path]
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        return subprocess.run(command, cwd=self.dir, env=env, capture_output=True, text=True, timeout=60)

    def assertRuns(self, path, stdout, ipython=True):
        result = self.run_notebook(path, ipython)
        self.assertEqual((result.returncode, result.stderr), (0, ""))
        self.assertEqual(result.stdout, stdout)

    def test_cells_share_one_main_namespace(self):
        path = self.notebook(
            ["import sys\n", "x = 41\n"],
            "print(__name__, sys.argv == [%r])\n" % os.path.join(self.dir, "step.ipynb"),
            "print(x + 1)",
        )
        self.assertRuns(path, "__main__ True\n42\n")

    def test_last_expression_shows_its_repr(self):
        path = self.notebook("x = 2\nx * 21", "'text'", "None", "x;", "print('p')\nx = 5", "display(x, 'd')")
        self.assertRuns(path, "42\n'text'\np\n5\n'd'\n")

    def test_classes_defined_in_cells_can_be_pickled(self):
        path = self.notebook("import pickle\nclass Point:\n    pass", "type(pickle.loads(pickle.dumps(Point()))).__name__")
        self.assertRuns(path, "'Point'\n")

    def test_failing_cell_shows_only_the_users_traceback(self):
        path = self.notebook("def divide():\n    return 1 / 0\n", "print('runs')", "y = 1\ndivide()\n", "print('never')")
        result = self.run_notebook(path)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stdout, "runs\n")
        self.assertTrue(result.stderr.startswith("Cell 3 (line 2) failed:\nTraceback"), result.stderr)
        self.assertIn('File "<cell 3>", line 2, in <module>\n    divide()', result.stderr)
        self.assertIn('File "<cell 1>", line 2, in divide\n    return 1 / 0', result.stderr)
        self.assertIn("ZeroDivisionError: division by zero", result.stderr)
        self.assertNotIn("run_notebook.py", result.stderr)

    def test_syntax_error(self):
        result = self.run_notebook(self.notebook("a = 1", "b = 2\nif b\n    pass\n"))
        self.assertEqual(result.returncode, 1)
        self.assertTrue(result.stderr.startswith("Cell 2 (line 2) failed:\n"), result.stderr)
        self.assertIn("SyntaxError", result.stderr)
        self.assertNotIn("run_notebook.py", result.stderr)

    def test_sys_exit_ends_the_run_with_its_status(self):
        self.assertEqual(self.run_notebook(self.notebook("import sys\nsys.exit(3)", "print('never')")).returncode, 3)

    def test_shell_lines_without_ipython(self):
        path = self.notebook("print('one')\n!echo two\nif True:\n    !echo three\nprint('exit', _exit_code)")
        self.assertRuns(path, "one\ntwo\nthree\nexit 0\n", ipython=False)

    @unittest.skipUnless(HAS_IPYTHON, "IPython is not installed (Debian: apt-get install python3-ipython)")
    def test_shell_and_magic_lines_with_ipython(self):
        path = self.notebook("print('one')\n!echo two", "%env ORCHEST_TEST=yes\nimport os\nos.environ['ORCHEST_TEST']")
        self.assertRuns(path, "one\ntwo\nenv: ORCHEST_TEST=yes\n'yes'\n")

    def test_magic_without_ipython_fails_the_cell(self):
        result = self.run_notebook(self.notebook("x = 1", "print('not run')\n%matplotlib inline\n"), ipython=False)
        self.assertEqual((result.returncode, result.stdout), (1, ""))
        self.assertTrue(result.stderr.startswith("Cell 2 (line 2) failed:\n%matplotlib "), result.stderr)
        self.assertIn("IPython is not installed in this image", result.stderr)

    def test_not_a_notebook(self):
        cases = {
            "bad.ipynb": ("{not json", "invalid JSON"),
            "list.ipynb": ("[]", "it has no list of cells"),
            "v3.ipynb": (json.dumps({"nbformat": 3, "cells": []}), "nbformat 3 is not supported"),
            "r.ipynb": (json.dumps({"nbformat": 4, "cells": [], "metadata": {"kernelspec": {"language": "R"}}}),
                        "its kernel language is R"),
        }
        for name, (text, reason) in cases.items():
            path = os.path.join(self.dir, name)
            with open(path, "w") as f:
                f.write(text)
            result = self.run_notebook(path)
            self.assertEqual(result.returncode, 2, name)
            self.assertTrue(result.stderr.startswith("%s is not a readable Jupyter notebook: %s" % (path, reason)),
                            result.stderr)
        missing = self.run_notebook(os.path.join(self.dir, "missing.ipynb"))
        self.assertEqual(missing.returncode, 2)
        self.assertIn("is not a readable Jupyter notebook: No such file or directory", missing.stderr)
