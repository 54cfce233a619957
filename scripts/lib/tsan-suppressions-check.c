// What scripts/lib/tsan-suppressions.txt suppresses, checked without waiting for the rare
// real report: a deliberate race whose access sits in a function carrying one of the
// standard library's continuation symbols (asm labels give C functions Swift's mangled names).
// The partial after the await (`…FTY0_`) must be suppressed (exit 0); the function's entry
// (`…F`) and its closure (`…XEfU_`), where a continuation's body runs our code, must still be
// reported (exit 66). scripts/tsan builds and runs it before the suite.
//   tsan-suppressions-check after-throwing | after-plain | entry | closure
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static int shared;

#define ACCESS(name, symbol) \
    __attribute__((noinline)) void name(void) __asm__(symbol); \
    void name(void) { shared++; }

ACCESS(afterThrowing, "$ss30withUnsafeThrowingContinuation9isolation_xScA_pSgYi_ySccyxs5Error_pGXEtYaKlFTY0_")
ACCESS(afterPlain, "$ss22withUnsafeContinuation9isolation_xScA_pSgYi_ySccyxs5NeverOGXEtYalFTY0_")
ACCESS(entry, "$ss30withUnsafeThrowingContinuation9isolation_xScA_pSgYi_ySccyxs5Error_pGXEtYaKlF")
ACCESS(closure, "$ss30withUnsafeThrowingContinuation9isolation_xScA_pSgYi_ySccyxs5Error_pGXEtYaKlFyBcXEfU_")

static void *otherThread(void *unused) { (void)unused; shared = 5; return 0; }

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: %s after-throwing|after-plain|entry|closure\n", argv[0]); return 64; }
    pthread_t t;
    pthread_create(&t, 0, otherThread, 0);
    if (!strcmp(argv[1], "after-throwing")) afterThrowing();
    else if (!strcmp(argv[1], "after-plain")) afterPlain();
    else if (!strcmp(argv[1], "entry")) entry();
    else if (!strcmp(argv[1], "closure")) closure();
    else { fprintf(stderr, "%s: no case '%s'\n", argv[0], argv[1]); return 64; }
    pthread_join(t, 0);
    return 0;
}
