#ifndef CNCURSES_H
#define CNCURSES_H

// SwiftPM drops pkg-config's -D_XOPEN_SOURCE: ask for the wide-character API explicitly, before the include.
#define NCURSES_WIDECHAR 1

#include <langinfo.h>
#include <locale.h>
#include <ncursesw/curses.h>
#include <stdio.h>
#include <wchar.h>

// ---- Globals and macros Swift cannot import (or rejects as not concurrency-safe) ----

/// The standard screen of the current terminal.
static inline WINDOW *cn_stdscr(void) { return stdscr; }
/// How many colour pairs the terminal supports (valid after start_color).
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
/// The locale's character set name, e.g. "UTF-8" or "ANSI_X3.4-1968".
static inline const char *cn_locale_codeset(void) { return nl_langinfo(CODESET); }

/// Whether the current terminal can move the cursor anywhere (terminfo `cup`), which a full-screen
/// program needs; `dumb` and printing terminals cannot.
static inline bool cn_can_address_cursor(void) {
  const char *cup = tigetstr("cup");
  return cup != NULL && cup != (const char *)-1;
}

/// Opens the terminal named `type` (NULL: $TERM) on stdout/stdin; NULL when the type is unknown.
/// Unlike initscr, a bad TERM is returned as failure instead of exiting the process.
static inline SCREEN *cn_newterm(const char *type) { return newterm(type, stdout, stdin); }

// ---- Attributes ----

static inline attr_t cn_attr_normal(void) { return A_NORMAL; }
static inline attr_t cn_attr_bold(void) { return A_BOLD; }
static inline attr_t cn_attr_reverse(void) { return A_REVERSE; }
static inline attr_t cn_attr_dim(void) { return A_DIM; }
static inline attr_t cn_attr_underline(void) { return A_UNDERLINE; }

// ---- Mouse ----

static const mmask_t cn_button1_pressed = BUTTON1_PRESSED;
static const mmask_t cn_button1_clicked = BUTTON1_CLICKED;
static const mmask_t cn_wheel_up = BUTTON4_PRESSED;
static const mmask_t cn_wheel_down = BUTTON5_PRESSED;
/// Every button event (presses, releases, clicks of all buttons) but no motion. Events outside the mask
/// are not simply dropped: ncurses then waits for the next key with a blocking read, ignoring the timeout.
static const mmask_t cn_all_button_events = ALL_MOUSE_EVENTS;

/// The pending mouse event's button state and cell; false when there is none.
static inline bool cn_get_mouse(mmask_t *buttons, int *x, int *y) {
  MEVENT event;
  if (getmouse(&event) != OK) return false;
  *buttons = event.bstate;
  *x = event.x;
  *y = event.y;
  return true;
}

// ---- Output ----

/// Writes one cell at (y, x) of stdscr: `text` is one spacing character plus up to four combining
/// characters, zero-terminated.
static inline void cn_put_cell(int y, int x, const wchar_t *text, attr_t attributes, short pair) {
  cchar_t cell;
  if (setcchar(&cell, text, attributes, pair, NULL) == OK) mvwadd_wch(stdscr, y, x, &cell);
}

// ---- Signals and restoring the terminal (signals.c) ----

/// Signals the handlers record; each one is taken (read and cleared) by `cn_take_signal`.
enum {
  CN_SIGNAL_INTERRUPT = 0,
  CN_SIGNAL_TERMINATE = 1,
  CN_SIGNAL_HANGUP = 2,
  CN_SIGNAL_SUSPEND = 3,
  CN_SIGNAL_CONTINUE = 4,
  CN_SIGNAL_COUNT = 5,
};

/// Installs the handlers: SIGINT, SIGTERM, SIGHUP, SIGTSTP and SIGCONT only record the signal; SIGPIPE is
/// ignored; SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL and SIGQUIT restore the terminal and re-raise with the
/// previous disposition. Also registers `cn_restore_terminal` with atexit (once).
void cn_install_signal_handlers(void);
/// Puts back the dispositions saved by `cn_install_signal_handlers`.
void cn_remove_signal_handlers(void);
/// Whether `signal` (a CN_SIGNAL_ value) arrived since the last call; clears it.
bool cn_take_signal(int signal);
/// Marks curses as owning the terminal, so a crash or exit restores it.
void cn_mark_terminal_active(void);
/// Ends curses mode (endwin) if curses owns the terminal; safe to call any number of times.
void cn_restore_terminal(void);
/// Stops the process with the default SIGTSTP action, as Ctrl-Z would without our handler; returns
/// after SIGCONT with our handler back in place.
void cn_suspend_process(void);

#endif
