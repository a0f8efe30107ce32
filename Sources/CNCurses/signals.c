#include "CNCurses.h"

#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

static atomic_bool pending[CN_SIGNAL_COUNT];
static atomic_bool terminal_active;

static const int recorded_signals[CN_SIGNAL_COUNT] = {SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT};
static const int fatal_signals[] = {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGQUIT};
enum { FATAL_COUNT = sizeof fatal_signals / sizeof fatal_signals[0] };

static struct sigaction previous_recorded[CN_SIGNAL_COUNT];
static struct sigaction previous_fatal[FATAL_COUNT];
static struct sigaction previous_pipe;
static bool installed;

static void record_signal(int signo) {
  for (int index = 0; index < CN_SIGNAL_COUNT; index++) {
    if (recorded_signals[index] == signo) atomic_store(&pending[index], true);
  }
}

static void restore_and_reraise(int signo) {
  cn_restore_terminal();
  for (int index = 0; index < FATAL_COUNT; index++) {
    if (fatal_signals[index] == signo) sigaction(signo, &previous_fatal[index], NULL);
  }
  raise(signo);
}

static void install(int signo, void (*handler)(int), int flags, struct sigaction *previous) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = flags;
  sigaction(signo, &action, previous);
}

void cn_install_signal_handlers(void) {
  static bool registered_atexit;
  if (!registered_atexit) {
    atexit(cn_restore_terminal);
    registered_atexit = true;
  }
  if (installed) return;
  for (int index = 0; index < CN_SIGNAL_COUNT; index++) {
    atomic_store(&pending[index], false);
    // No SA_RESTART: a read curses is blocked in must fail with EINTR, so the loop sees the signal at once
    // (ncurses does the same for SIGWINCH).
    install(recorded_signals[index], record_signal, 0, &previous_recorded[index]);
  }
  for (int index = 0; index < FATAL_COUNT; index++) {
    install(fatal_signals[index], restore_and_reraise, SA_RESTART, &previous_fatal[index]);
  }
  install(SIGPIPE, SIG_IGN, 0, &previous_pipe);
  installed = true;
}

void cn_remove_signal_handlers(void) {
  if (!installed) return;
  for (int index = 0; index < CN_SIGNAL_COUNT; index++) {
    sigaction(recorded_signals[index], &previous_recorded[index], NULL);
  }
  for (int index = 0; index < FATAL_COUNT; index++) {
    sigaction(fatal_signals[index], &previous_fatal[index], NULL);
  }
  sigaction(SIGPIPE, &previous_pipe, NULL);
  installed = false;
}

bool cn_take_signal(int signal) {
  if (signal < 0 || signal >= CN_SIGNAL_COUNT) return false;
  return atomic_exchange(&pending[signal], false);
}

void cn_mark_terminal_active(void) { atomic_store(&terminal_active, true); }

void cn_restore_terminal(void) {
  if (atomic_exchange(&terminal_active, false)) endwin();
}

void cn_suspend_process(void) {
  struct sigaction ours;
  struct sigaction default_action;
  memset(&default_action, 0, sizeof default_action);
  default_action.sa_handler = SIG_DFL;
  sigemptyset(&default_action.sa_mask);
  sigaction(SIGTSTP, &default_action, &ours);
  sigset_t tstp;
  sigset_t previous_mask;
  sigemptyset(&tstp);
  sigaddset(&tstp, SIGTSTP);
  pthread_sigmask(SIG_UNBLOCK, &tstp, &previous_mask);
  raise(SIGTSTP);
  pthread_sigmask(SIG_SETMASK, &previous_mask, NULL);
  sigaction(SIGTSTP, &ours, NULL);
}
