# Sourced by make-launcher.sh and make-bundle.sh: the JVM options of both launchers. An AOT cache
# is only used with the options it was trained with, so there is one list.
# C1 only and the serial GC: a short-lived command gains nothing from C2 or a parallel GC.
# jnr-ffi's reflection loader (as in the native image): generating the libc binding with ASM at
# every start costs time (about 60 ms, measured by hand with hyperfine), and offloadctl makes few
# native calls. JVM messages go to standard error, never into output that scripts parse.
OFFLOADCTL_JVM_OPTIONS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss1m -XX:-UsePerfData -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Djnr.ffi.asm.enabled=false -Xlog:disable -Xlog:all=warning:stderr"
