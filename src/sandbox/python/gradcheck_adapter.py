"""gradcheck's adapter for Python submissions: a student's file or notebook, called unchanged.

    python3 gradcheck_adapter.py ENTRY CONVENTION [OPTIONS_JSON]

ENTRY is a .py file or an .ipynb notebook. Only its definitions are loaded (functions, classes,
imports and constants): the tests, plots and downloads at its top level never run. Imports
the sandbox lacks (plotting, data files' readers) become stubs; a course's own support modules are
gradcheck's own (gradcheck_imports.py). CONVENTION names how the student's code is called
(gradcheck_conventions.py). Then the adapter says it is ready, reads requests on stdin, each an 11-digit
byte count, a newline and the request's JSON, and answers each in one JSON line on stdout.
The student's own prints go to stderr, so they never mix with the answers.
"""

import json
import os
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(1, os.getcwd())

ANSWERS = os.fdopen(os.dup(1), "w")
sys.stdout = sys.stderr


def say(message):
    # a newline first: whatever the student's code wrote to this stream without one ends before the answer
    ANSWERS.write("\n" + json.dumps(message) + "\n")
    ANSWERS.flush()


def read_request(stream):
    header = stream.read(12)
    if len(header) < 12:
        return None
    n = int(header[:11])
    body = stream.read(n)
    return None if len(body) < n else json.loads(body)


def student_frame(tb, entry):
    """The innermost frame of the student's own files (gradcheck's adapter aside): where to look."""
    found = None
    for frame in traceback.extract_tb(tb):
        path = os.path.abspath(frame.filename)
        name = os.path.basename(frame.filename)
        ours = name.startswith("gradcheck_") and os.path.dirname(path) == HERE
        if not ours and (name == os.path.basename(entry) or path.startswith(os.getcwd() + os.sep)):
            found = frame
    return found


def main():
    entry, convention_name = sys.argv[1], sys.argv[2]
    options = json.loads(sys.argv[3]) if len(sys.argv) > 3 else {}
    from gradcheck_imports import install_import_fallbacks
    from gradcheck_load import LoadError
    from gradcheck_conventions import CallError, conventions

    install_import_fallbacks(options.get("course_modules", []))
    try:
        convention, locate = conventions[convention_name](entry, options)
    except LoadError as e:
        say({"type": "load-error", "kind": e.kind, "message": str(e)})
        return
    say({"type": "ready"})
    stream = sys.stdin.buffer
    while True:
        request = read_request(stream)
        if request is None:
            return
        try:
            J, grad = convention(request)
            say({"id": request["id"], "J": J, "grad": grad})
        except CallError as e:
            say({"id": request["id"], "error": str(e)})
        except Exception as e:  # the student's code failed: say where, in their file
            frame = student_frame(e.__traceback__, entry)
            where = f"{locate(frame.filename, frame.lineno)}: " if frame else ""
            say({"id": request["id"], "error": f"{where}{type(e).__name__}: {e}"})


main()
