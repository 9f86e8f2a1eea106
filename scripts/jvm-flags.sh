# shellcheck shell=bash
# The JVM flags hadeck runs with, in one place: scripts/hadeck (the checkout's launcher) sources this,
# and scripts/package writes the same flags into the installed /usr/bin/hadeck.
#
# C1 only, serial GC, small heap: a console starts often and runs light. -Xlog:disable keeps
# JVM/AOT warnings off the operator's terminal (and out of --json output); Netty 4.1 (via jetcd)
# reads fields through sun.misc.Unsafe, which JDK 24+ warns about on stderr, and JLine may load
# its native terminal library: both are allowed here so nothing but hadeck reaches the terminal.
# The AOT cache must be made with the same GC as the runs that use it (it is refused otherwise).
HADECK_JVM_FLAGS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms32m -Xmx256m -XX:-UsePerfData -Xlog:disable
                  --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED)
