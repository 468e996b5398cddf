"""Run the code cells of a Jupyter notebook in order, like "Run All", without Jupyter.

Usage: python3 run_notebook.py <notebook.ipynb>

All cells share one ``__main__`` namespace. A cell whose last statement is an
expression prints the value's repr, as Jupyter shows it. ``!command`` lines run
in a shell; ``%magic`` lines need IPython, used when the image has it.
Exit status: 0 when every cell ran, 1 when a cell failed, 2 when the file is not
a notebook that can be run.
"""
import ast
import io
import json
import linecache
import os
import sys
import traceback
import types


class NotebookError(Exception):
    """The file is not a notebook this runner can run."""


class MagicWithoutIPython(Exception):
    def __init__(self, magic, line):
        super().__init__(
            "%s is an IPython magic, and IPython is not installed in this image: "
            "install ipython in the step's environment or remove the line." % magic
        )
        self.line = line


def main(argv):
    if len(argv) != 2:
        print("Usage: run_notebook.py <notebook.ipynb>", file=sys.stderr)
        return 2
    path = argv[1]
    make_output_unbuffered()
    try:
        cells = read_code_cells(path)
    except NotebookError as e:
        print("%s is not a readable Jupyter notebook: %s" % (path, e), file=sys.stderr)
        return 2
    main_module = make_main_module(path)
    for number, source in enumerate(cells, start=1):
        try:
            run_cell(source, number, main_module)
        except Exception as e:
            report_failure(e, number)
            return 1
    return 0


def read_code_cells(path):
    try:
        with open(path, "r", encoding="utf-8") as f:
            notebook = json.load(f)
    except OSError as e:
        raise NotebookError(e.strerror or str(e))
    except ValueError as e:
        raise NotebookError("invalid JSON (%s)" % e)
    if not isinstance(notebook, dict) or not isinstance(notebook.get("cells"), list):
        raise NotebookError("it has no list of cells")
    if notebook.get("nbformat", 4) != 4:
        raise NotebookError("nbformat %r is not supported, only 4" % notebook.get("nbformat"))
    language = kernel_language(notebook)
    if language.lower() != "python":
        raise NotebookError("its kernel language is %s, and only Python notebooks can run here" % language)
    sources = []
    for index, cell in enumerate(notebook["cells"], start=1):
        if not isinstance(cell, dict):
            raise NotebookError("cell %d is not an object" % index)
        if cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        if isinstance(source, list) and all(isinstance(line, str) for line in source):
            source = "".join(source)
        if not isinstance(source, str):
            raise NotebookError("the source of cell %d is neither a string nor a list of strings" % index)
        sources.append(source)
    return sources


def kernel_language(notebook):
    metadata = notebook.get("metadata")
    metadata = metadata if isinstance(metadata, dict) else {}
    for key, field in (("kernelspec", "language"), ("language_info", "name")):
        section = metadata.get(key)
        if isinstance(section, dict) and isinstance(section.get(field), str):
            return section[field]
    return "python"


def make_output_unbuffered():
    """Write stdout and stderr straight to their file descriptors, as ``python -u`` does."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        try:
            stream.flush()
            raw = io.FileIO(stream.fileno(), "w", closefd=False)
        except (AttributeError, OSError, ValueError):
            continue
        wrapper = io.TextIOWrapper(raw, encoding=stream.encoding, errors=stream.errors, write_through=True)
        setattr(sys, name, wrapper)


def make_main_module(path):
    module = types.ModuleType("__main__")
    module.display = display
    # pickle looks up classes and functions defined in cells in sys.modules["__main__"].
    sys.modules["__main__"] = module
    sys.argv = [path]
    sys.path[0] = os.path.dirname(os.path.abspath(path))
    return module


def display(*values):
    """Stand-in for the ``display`` builtin of Jupyter kernels: print each value's repr."""
    for value in values:
        print(repr(value))


def run_cell(source, number, main_module):
    filename = "<cell %d>" % number
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    tree = parse_cell(source, filename, main_module)
    shows_value = bool(tree.body) and isinstance(tree.body[-1], ast.Expr) and not source.rstrip().endswith(";")
    last = tree.body.pop() if shows_value else None
    namespace = main_module.__dict__
    exec(compile(tree, filename, "exec", dont_inherit=True), namespace)
    if last is not None:
        value = eval(compile(ast.Expression(last.value), filename, "eval", dont_inherit=True), namespace)
        if value is not None:
            print(repr(value))


def parse_cell(source, filename, main_module):
    try:
        return ast.parse(source, filename)
    except SyntaxError:
        # Maybe IPython syntax (!shell, %magic): translate it, or fail with the original error.
        translated = translate_ipython_syntax(source, main_module)
        if translated is None:
            raise
    return ast.parse(translated, filename)


def translate_ipython_syntax(source, main_module):
    try:
        from IPython.core.inputtransformer2 import TransformerManager
        from IPython.core.interactiveshell import InteractiveShell
        from traitlets.config import Config
    except ImportError:
        return translate_shell_lines(source)
    if not InteractiveShell.initialized():
        config = Config()
        config.HistoryManager.enabled = False
        # Gives the translated code its get_ipython(); the module stays sys.modules["__main__"].
        InteractiveShell.instance(config=config, user_module=main_module)
    return TransformerManager().transform_cell(source)


def translate_shell_lines(source):
    """Turn ``!command`` lines into subprocess calls; None when there are none."""
    lines = source.splitlines(True)
    found_shell_line = False
    for index, line in enumerate(lines):
        code = line.lstrip()
        indent = line[: len(line) - len(code)]
        if code.startswith("%"):
            raise MagicWithoutIPython(code.split()[0], index + 1)
        if code.startswith("!"):
            command = code[1:].strip()
            lines[index] = "%s_exit_code = __import__('subprocess').call(%r, shell=True)\n" % (indent, command)
            found_shell_line = True
    return "".join(lines) if found_shell_line else None


def report_failure(error, number):
    filename = "<cell %d>" % number
    tb = error.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != filename:
        tb = tb.tb_next  # the runner's own frames
    print("Cell %d (line %s) failed:" % (number, failed_line(error, tb, filename)), file=sys.stderr)
    if isinstance(error, MagicWithoutIPython):
        print(error, file=sys.stderr)
    else:
        traceback.print_exception(type(error), error, tb, file=sys.stderr)


def failed_line(error, tb, filename):
    if isinstance(error, MagicWithoutIPython):
        return error.line
    line = error.lineno if isinstance(error, SyntaxError) and error.filename == filename else "?"
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


if __name__ == "__main__":
    sys.exit(main(sys.argv))
