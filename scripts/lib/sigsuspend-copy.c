/* Preloaded under valgrind only (scripts/lib/valgrind-bench.sh): valgrind 3.19 writes to the
 * mask given to rt_sigsuspend, and libdispatch's main loop (reached through the CLI's async
 * entry point) passes a mask in read-only memory, so valgrind stopped with an internal
 * SIGSEGV before the program ran. This sigsuspend hands the kernel a writable copy instead;
 * the program's behaviour is otherwise unchanged. */
#define _GNU_SOURCE
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

int sigsuspend(const sigset_t *mask) {
    sigset_t copy = *mask;
    return (int)syscall(SYS_rt_sigsuspend, &copy, sizeof(unsigned long));
}
