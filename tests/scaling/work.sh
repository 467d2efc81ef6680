# work.sh: sourced by the scaling suites (run.sh, import.sh).
#
# instructions COMMAND...: the instructions COMMAND executes, counted by
# valgrind (cachegrind without its cache simulation), on standard output;
# nothing when valgrind cannot count them (not installed, or under
# AddressSanitizer, whose binaries valgrind cannot run).
#
# CPU time is what the suites measure first, but a linear run takes more
# than 4 times as long at 4n once its data outgrow the caches, and more
# still when a neighbour shares them: forms at 2,000 and 8,000 execute
# 1,525 M and 5,930 M instructions (3.9 times) but took 0.18 and 0.93 s
# of CPU (5.2 times), and 7 times on a loaded machine.  A ratio over the
# limit in time is judged again by instructions, which do not vary.
instructions() {
	[ "${MONOC_ASAN:-0}" = 1 ] && return 0
	command -v valgrind > /dev/null 2>&1 || return 0
	valgrind --tool=cachegrind --cache-sim=no \
	    --cachegrind-out-file=/dev/null "$@" 2>&1 > /dev/null |
	    awk '/I[ ]+refs:/ { gsub(/,/, "", $NF); print $NF }'
}
