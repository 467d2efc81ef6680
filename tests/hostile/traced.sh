#!/bin/sh
# traced.sh OUT CALLS COMMAND...: run COMMAND under strace, tracing CALLS
# (strace's -e trace= list) in every thread, and leave the calls in OUT.
# Each thread is traced to a file of its own (-ff) and the files are then
# joined: traced to one file, a call interrupted by another thread is
# split into "<unfinished ...>" and "resumed" lines, and the line naming
# the file no longer shows what the call returned.
out=$1 calls=$2
shift 2
rm -f "$out" "$out".*
strace -ff -qq -o "$out" -e trace="$calls" "$@"
rc=$?
cat "$out".* > "$out" 2> /dev/null
rm -f "$out".*
exit $rc
