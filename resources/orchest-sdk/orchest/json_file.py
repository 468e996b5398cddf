"""Reading the JSON files the app mounts: the pipeline file and the session's specs."""
import json

from orchest.error import Error


def read_json(path, what, missing):
    """The file's value; `missing` (an exception) when it is not there, a clear Error when it is not JSON."""
    try:
        with open(path, "r", encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        raise missing from None
    except ValueError as e:
        raise Error("The %s %s is not valid JSON: %s" % (what, path, e)) from None
