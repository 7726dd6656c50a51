#include "CReadline.h"

#include <dlfcn.h>

static void *library;
// dlerror's text is freed by the next dl* call (dlclose, below): a copy is kept.
static char load_error[512];

static void remember_error(void) {
    const char *text = dlerror();
    snprintf(load_error, sizeof load_error, "%s", text != NULL ? text : "libreadline.so.8 cannot be loaded");
}

// readline's variables and functions, found in the loaded library by name.
#define VARIABLE(type, name) (*(type *)dlsym(library, #name))
#define FUNCTION(type, name) ((type)dlsym(library, #name))

bool graddiff_rl_load(void) {
    if (library != NULL) return true;
    // RTLD_GLOBAL: readline finds its terminal library's symbols through the global scope.
    library = dlopen("libreadline.so.8", RTLD_NOW | RTLD_GLOBAL);
    if (library == NULL) {
        remember_error();
        return false;
    }
    // Every symbol used below, so a library without one fails here and not mid-session.
    static const char *const names[] = {
        "rl_readline_name", "rl_catch_signals", "rl_attempted_completion_function",
        "rl_completion_word_break_hook", "stifle_history", "add_history", "history_length",
        "history_base", "history_get", "using_history", "rl_callback_handler_install",
        "rl_callback_handler_remove", "rl_callback_read_char", "rl_point", "rl_end",
        "rl_redisplay", "rl_free_line_state", "rl_callback_sigcleanup",
        "rl_cleanup_after_signal", "rl_replace_line", "rl_attempted_completion_over",
        "rl_completion_suppress_append", "rl_completion_matches", "rl_line_buffer", "rl_outstream",
    };
    for (size_t index = 0; index < sizeof names / sizeof names[0]; index++) {
        if (dlsym(library, names[index]) == NULL) {
            remember_error();
            dlclose(library);
            library = NULL;
            return false;
        }
    }
    return true;
}

const char *graddiff_rl_error(void) { return load_error[0] != '\0' ? load_error : NULL; }

void graddiff_rl_configure(const char *name, rl_completion_func_t *complete,
                           rl_cpvfunc_t *word_breaks, int history_limit) {
    VARIABLE(const char *, rl_readline_name) = name;
    VARIABLE(int, rl_catch_signals) = 0;
    VARIABLE(rl_completion_func_t *, rl_attempted_completion_function) = complete;
    VARIABLE(rl_cpvfunc_t *, rl_completion_word_break_hook) = word_breaks;
    FUNCTION(void (*)(int), stifle_history)(history_limit);
}

void graddiff_rl_add_history(const char *line) { FUNCTION(void (*)(const char *), add_history)(line); }

const char *graddiff_rl_last_history_line(void) {
    int length = VARIABLE(int, history_length);
    if (length <= 0) return NULL;
    HIST_ENTRY *entry = FUNCTION(HIST_ENTRY *(*)(int), history_get)(VARIABLE(int, history_base) + length - 1);
    return entry != NULL ? entry->line : NULL;
}

void graddiff_rl_using_history(void) { FUNCTION(void (*)(void), using_history)(); }

void graddiff_rl_callback_handler_install(const char *prompt, rl_vcpfunc_t *handler) {
    FUNCTION(void (*)(const char *, rl_vcpfunc_t *), rl_callback_handler_install)(prompt, handler);
}

void graddiff_rl_callback_handler_remove(void) { FUNCTION(void (*)(void), rl_callback_handler_remove)(); }

void graddiff_rl_callback_read_char(void) { FUNCTION(void (*)(void), rl_callback_read_char)(); }

void graddiff_rl_redisplay_at_end(void) {
    VARIABLE(int, rl_point) = VARIABLE(int, rl_end);
    FUNCTION(void (*)(void), rl_redisplay)();
}

void graddiff_rl_abandon_line(void) {
    FUNCTION(void (*)(void), rl_free_line_state)();
    FUNCTION(void (*)(void), rl_callback_sigcleanup)();
    FUNCTION(void (*)(void), rl_cleanup_after_signal)();
    FUNCTION(void (*)(const char *, int), rl_replace_line)("", 1);
    FUNCTION(void (*)(void), rl_callback_handler_remove)();
}

char **graddiff_rl_completion_matches(const char *text, rl_compentry_func_t *generator, bool suppress_append) {
    VARIABLE(int, rl_attempted_completion_over) = 1;
    if (suppress_append) VARIABLE(int, rl_completion_suppress_append) = 1;
    return FUNCTION(char **(*)(const char *, rl_compentry_func_t *), rl_completion_matches)(text, generator);
}

int graddiff_rl_point(void) { return VARIABLE(int, rl_point); }

const char *graddiff_rl_line_buffer(void) { return VARIABLE(char *, rl_line_buffer); }

void graddiff_rl_echo_to_standard_error(void) { VARIABLE(FILE *, rl_outstream) = stderr; }
