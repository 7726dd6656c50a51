// GNU readline, for the REPL's line editing, history and completion, loaded with
// dlopen the first time a terminal session starts: a command line that never edits a
// line (nearly all of them) does not pay the dynamic loader for readline and its
// terminal library at every start-up. Only Sources/graddiff/LineEditor.swift uses it.
//
// readline.h gives the types. Its functions and variables are not linked: using one
// directly from Swift fails at link time; these wrappers reach them through dlsym.
#ifndef GRADDIFF_CREADLINE_H
#define GRADDIFF_CREADLINE_H

#include <stdbool.h>
// readline.h uses FILE without including stdio.h itself.
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

/// Loads libreadline.so.8 once; false if it cannot (the reason is graddiff_rl_error()).
bool graddiff_rl_load(void);
/// Why graddiff_rl_load() failed, or NULL.
const char *graddiff_rl_error(void);

/// Sets readline up: the application name for ~/.inputrc, no signal handlers of its
/// own, the completion and word-break functions, and the history's size.
void graddiff_rl_configure(const char *name, rl_completion_func_t *complete,
                           rl_cpvfunc_t *word_breaks, int history_limit);
void graddiff_rl_add_history(const char *line);
/// Shows prompts and typed text on standard error (readline's default is standard
/// output, which may be redirected to a file).
void graddiff_rl_echo_to_standard_error(void);
/// The newest history line, or NULL if there is none.
const char *graddiff_rl_last_history_line(void);
void graddiff_rl_using_history(void);

void graddiff_rl_callback_handler_install(const char *prompt, rl_vcpfunc_t *handler);
void graddiff_rl_callback_handler_remove(void);
void graddiff_rl_callback_read_char(void);

/// Moves the cursor to the end of the line and redraws it (before a ^C is shown).
void graddiff_rl_redisplay_at_end(void);
/// Forgets the line being typed after a Ctrl-C and leaves readline's callback mode.
void graddiff_rl_abandon_line(void);

/// The matches of `text` from `generator`, with readline's own file-name completion
/// turned off, and no space appended when `suppress_append`.
char **graddiff_rl_completion_matches(const char *text, rl_compentry_func_t *generator, bool suppress_append);
/// The cursor's byte offset in the line being edited.
int graddiff_rl_point(void);
/// The line being edited, or NULL.
const char *graddiff_rl_line_buffer(void);

#endif
