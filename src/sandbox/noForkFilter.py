#!/usr/bin/python3
"""Builds the seccomp filter every sandboxed submission runs under: threads yes, processes no.

Written with libseccomp's Python bindings (Debian: python3-seccomp), which compile the rules
to classic BPF for this machine's architecture; bubblewrap loads the bytes with --seccomp.
Run `npm run build:seccomp` after editing; a test rebuilds the bytes and compares.

- clone3 fails with ENOSYS: its flags live in a struct seccomp cannot read, so it cannot be
  allowed for threads only. glibc (2.34+) then falls back to clone, whose flags it can read.
- clone is allowed only with CLONE_THREAD: Node's and Octave's threads start; fork-like
  clones (no CLONE_THREAD) fail with EPERM.
- fork and vfork fail with EPERM.
Everything else is allowed: the namespaces, the read-only filesystem, the uid and the
cgroup do the rest.

With --no-sockets (the separate-user fallback, which has no network namespace to do it):
socket() fails with EACCES for Unix, IPv4, IPv6, netlink and packet sockets, so a submission
can reach neither the network nor a Unix socket by path. Descriptors it inherits are closed
before it starts. Syscalls of another architecture (x32, i386) are killed by libseccomp's
default bad-architecture action, so int 0x80 cannot go around these rules.
"""
import errno
import sys

import seccomp

CLONE_THREAD = 0x00010000

f = seccomp.SyscallFilter(defaction=seccomp.ALLOW)
f.add_rule(seccomp.ERRNO(errno.ENOSYS), "clone3")
f.add_rule(seccomp.ERRNO(errno.EPERM), "clone", seccomp.Arg(0, seccomp.MASKED_EQ, CLONE_THREAD, 0))
for name in ("fork", "vfork"):
    f.add_rule(seccomp.ERRNO(errno.EPERM), name)
if "--no-sockets" in sys.argv[1:]:
    AF_UNIX, AF_INET, AF_INET6, AF_NETLINK, AF_PACKET = 1, 2, 10, 16, 17
    for family in (AF_UNIX, AF_INET, AF_INET6, AF_NETLINK, AF_PACKET):
        f.add_rule(seccomp.ERRNO(errno.EACCES), "socket", seccomp.Arg(0, seccomp.EQ, family))
f.export_bpf(sys.stdout.buffer)
