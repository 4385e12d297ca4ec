/**
 * bubblewrap's `--seccomp 4`, for where bubblewrap cannot run: a few lines of the system's
 * Python read the committed filter (noForkFilter.bpf) from fd 4, install it with
 * prctl(PR_SET_SECCOMP) after prctl(PR_SET_NO_NEW_PRIVS), and exec the command, which then runs
 * under the same rules as in the sandbox (threads yes, processes no). ctypes is in every
 * python3, so nothing beyond the package process submissions need anyway; a Debian tool that
 * loads a filter from a file and execs (setpriv --seccomp-filter) appears only in util-linux
 * 2.40, newer than the images autograders run on. Any failure is an exit with a message,
 * never a run without the filter.
 */
const loaderSource = `import ctypes, os, sys
code = b""
while True:
    chunk = os.read(4, 65536)
    if not chunk:
        break
    code += chunk
os.close(4)
if not code or len(code) % 8:
    sys.exit("gradcheck: the seccomp filter on fd 4 is empty or malformed")
class SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_char_p)]
prog = SockFprog(len(code) // 8, code)
libc = ctypes.CDLL(None, use_errno=True)
u = ctypes.c_ulong
PR_SET_NO_NEW_PRIVS, PR_SET_SECCOMP, SECCOMP_MODE_FILTER = 38, 22, 2
if libc.prctl(PR_SET_NO_NEW_PRIVS, u(1), u(0), u(0), u(0)) or libc.prctl(PR_SET_SECCOMP, u(SECCOMP_MODE_FILTER), ctypes.byref(prog), u(0), u(0)):
    sys.exit("gradcheck: could not load the seccomp filter: " + os.strerror(ctypes.get_errno()))
try:
    os.setsid()
except OSError:
    pass
os.execvp(sys.argv[1], sys.argv[1:])
`;

/** The system's Python, never one earlier on a PATH the submission could influence. */
export const loaderPython = "/usr/bin/python3";

/** The argv that loads the no-fork filter from fd 4 and then execs `command` (its own session: no terminal to inject into). */
export function noForkLoaderArgv(command: readonly string[]): string[] {
  return [loaderPython, "-I", "-S", "-c", loaderSource, ...command];
}
