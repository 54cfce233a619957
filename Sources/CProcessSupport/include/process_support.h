#ifndef SPIKEBAR_PROCESS_SUPPORT_H
#define SPIKEBAR_PROCESS_SUPPORT_H

/// Asks the kernel to send SIGKILL to this process when its parent dies (Linux prctl
/// PR_SET_PDEATHSIG; prctl is variadic, so Swift cannot call it directly). Returns 0, or -1
/// where unsupported.
int spikebar_die_with_parent(void);

#endif
