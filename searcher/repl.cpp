/** @file repl.cpp @brief The interactive prompt on GNU readline's callback interface, so Ctrl-C can cancel a line safely. */
#include "searcher/repl.h"

#include "common/entities/entities.h"
#include "common/ingest/dates.h"
#include "common/util/errors.h"
#include "common/util/string_util.h"
#include "common/output/line_wrap.h"
#include "common/output/result_format.h"
#include "common/output/result_writer.h"
#include "common/output/terminal.h"

// readline.h needs stdio.h first.
#include <cstdio>
#include <readline/history.h>
#include <readline/readline.h>

#include <fcntl.h>
#include <langinfo.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <clocale>
#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <limits>
#include <optional>
#include <sstream>
#include <vector>

namespace khoj {

namespace {

using ansi::kBold;
using ansi::kDim;
using ansi::kReset;
constexpr const char* kPromptColor = ansi::kPrompt;
constexpr const char* kFilterColor = ansi::kFilter;
constexpr int kHistoryLimit = 1000;

const char* kReplHelp = R"(Type a query and press Enter. Queries take the same syntax as the command line:
  Shoigu Pyongyang            "रक्षा मंत्री"           lockdown AND (Delhi OR Mumbai) NOT Kejriwal
  sharab ki dukan             title:कोरोना           vaccine date:2020-04-01..2020-04-30

Commands:
  :next  :n  (or Enter)      next page of results
  :prev  :p                  previous page
  :open N                    read article N of the results (through $PAGER when long)
  :since YYYY-MM-DD          only articles dated on or after the day (no date: drop it)
  :until YYYY-MM-DD          only articles dated on or before the day (no date: drop it)
  :source NAME               only articles from one source (e.g. amar_ujala)
  :person X  :place X  :org X   only articles that mention a person, place or organisation
  :clear                     drop all filters
  :copies                    show every republished copy as a result of its own, or again collapse
                             them into the best one (+N similar)
  :explain                   which index terms each word of the last query matched
  :help                      this text
  :quit  :q  (or Ctrl-D)     leave; Ctrl-C cancels the line being typed
)";

// Set by signal handlers, read by the input loop.
volatile std::sig_atomic_t g_interrupted = 0;
volatile std::sig_atomic_t g_resized = 0;

// Filled by readline's line callback.
struct PendingLine {
    bool ready = false;
    bool eof = false;
    std::string text;
};
PendingLine g_pending;

extern "C" void on_sigint(int) { g_interrupted = 1; }
extern "C" void on_sigwinch(int) { g_resized = 1; }

extern "C" void on_line(char* line) {
    // Removing the handler here stops readline from printing the next prompt before the
    // results of this line; the loop installs it again with the (possibly new) prompt.
    rl_callback_handler_remove();
    g_pending.ready = true;
    g_pending.eof = line == nullptr;
    g_pending.text = line ? line : "";
    std::free(line);
}

// Where history is kept, so it survives sessions: $KHOJ_HISTORY, else
// $XDG_STATE_HOME/khoj/history, else ~/.local/state/khoj/history.
std::string history_path() {
    if (const char* path = std::getenv("KHOJ_HISTORY"); path && *path) return path;
    if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state == '/') return std::string(state) + "/khoj/history";
    if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.local/state/khoj/history";
    return "";
}

// Chooses a UTF-8 locale so readline measures Devanagari by display width.
void use_utf8_locale() {
    const char* set = std::setlocale(LC_ALL, "");
    if ((!set || std::strcmp(nl_langinfo(CODESET), "UTF-8") != 0) && std::setlocale(LC_ALL, "C.UTF-8")) {
        // readline re-reads LC_ALL / LC_CTYPE / LANG from the environment, and the pager needs it too.
        ::setenv("LC_ALL", "C.UTF-8", 1);
    }
    // Numbers (scores, weights) keep a '.' whatever the user's locale says.
    std::setlocale(LC_NUMERIC, "C");
}

/// Persistent, de-duplicated readline history in one file.
class History {
  public:
    History() : path_(history_path()) {
        if (path_.empty()) return;
        std::error_code ec;
        std::filesystem::path parent = std::filesystem::path(path_).parent_path();
        if (!parent.empty()) std::filesystem::create_directories(parent, ec);
        int fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
        if (fd < 0) {
            warn("cannot open history file " + path_ + ": " + std::strerror(errno));
            path_.clear();
            return;
        }
        ::close(fd);
        using_history();
        stifle_history(kHistoryLimit);
        read_history(path_.c_str());
    }

    ~History() {
        if (!path_.empty()) history_truncate_file(path_.c_str(), kHistoryLimit);
    }

    History(const History&) = delete;
    History& operator=(const History&) = delete;

    void add(const std::string& line) {
        HIST_ENTRY* last = history_length > 0 ? history_get(history_base + history_length - 1) : nullptr;
        if (last && line == last->line) return;
        add_history(line.c_str());
        if (path_.empty()) return;
        if (int err = append_history(1, path_.c_str()); err != 0) {
            warn("cannot write history file " + path_ + ": " + std::strerror(err));
            path_.clear();
        }
    }

  private:
    static void warn(const std::string& message) { std::cerr << "khoj-search: " << message << " (history will not be kept)\n"; }
    std::string path_;
};

/// Prompt state and the commands that change it.
class Repl {
  public:
    explicit Repl(const ReplOptions& options) : searcher_(options.index, options.shards), request_(options.request), color_(options.color) {
        // As text output: snippets, a did-you-mean, and "results 1–10 of 37", not an estimate.
        apply_output_policy(request_, OutputFormat::Text, false);
        if (request_.limit == 0) request_.limit = 10;
        request_.limit = std::min(request_.limit, std::numeric_limits<std::size_t>::max() - 1);  // one more is asked for
    }

    int run();

  private:
    bool handle(const std::string& line);
    void command(const std::string& name, const std::string& arg, bool& quit);
    void new_search(std::size_t offset);
    void show_page();
    void next_page();
    void previous_page();
    void open_article(const std::string& arg);
    void show_long_text(const std::string& text);
    void add_filter(const std::string& field, const std::string& value);
    void refresh();
    std::string effective_query() const;
    std::string filter_summary() const;
    std::string prompt() const;
    void cancel_line();
    void message(const std::string& text) const;

    Searcher searcher_;
    SearchRequest request_;
    bool color_;
    std::string query_;                 // what the user last typed
    std::vector<std::string> filters_;  // source:NAME, person:X, … appended to the query
    std::optional<SearchResult> last_;
    std::size_t offset_ = 0;
    bool more_ = false;  // the page after this one has results
};

// Drops blank lines at the ends of an article body and runs of blank lines inside it.
std::string tidy_paragraphs(const std::string& body) {
    std::string out;
    std::size_t blank_run = 0;
    std::istringstream in(body);
    std::string line;
    while (std::getline(in, line)) {
        if (trim(line).empty()) {
            ++blank_run;
            continue;
        }
        if (!out.empty()) out += blank_run > 0 ? "\n\n" : "\n";
        blank_run = 0;
        out += line;
    }
    return out;
}

std::string quoted_value(const std::string& value) {
    return value.find_first_of(" \t") == std::string::npos ? value : "\"" + value + "\"";
}

std::string Repl::effective_query() const {
    std::string q = query_.empty() ? "" : "(" + query_ + ")";
    for (const auto& f : filters_) q += (q.empty() ? "" : " ") + f;
    return q;
}

std::string Repl::filter_summary() const {
    std::string s;
    auto add = [&s](const std::string& part) { s += (s.empty() ? "" : " ") + part; };
    if (!request_.since.empty()) add("since:" + request_.since);
    if (!request_.until.empty()) add("until:" + request_.until);
    for (const auto& f : filters_) add(f);
    return s;
}

std::string Repl::prompt() const {
    // \001 … \002 tell readline the escape codes take no columns.
    auto paint = [this](const char* code, const std::string& text) {
        return color_ ? std::string("\001") + code + "\002" + text + "\001" + kReset + "\002" : text;
    };
    std::string filters = filter_summary();
    return paint(kPromptColor, "khoj") + (filters.empty() ? "" : " [" + paint(kFilterColor, filters) + "]") + "> ";
}

void Repl::message(const std::string& text) const {
    std::cout << (color_ ? kDim : "") << text << (color_ ? kReset : "") << "\n";
}

void Repl::new_search(std::size_t offset) {
    SearchRequest request = request_;
    request.query = effective_query();
    request.offset = offset;
    request.limit = request_.limit + 1;  // one more than shown tells whether a next page exists
    SearchResult result = searcher_.search(request);
    if (result.hits.empty() && offset > 0) {
        message("no more results");
        return;
    }
    more_ = result.hits.size() > request_.limit;
    if (more_) result.hits.pop_back();
    last_ = std::move(result);
    offset_ = offset;
    show_page();
}

void Repl::show_page() {
    TextStyle style;
    style.color = color_;
    style.width = terminal_width();
    std::cout << "\n";
    for (const auto& hit : last_->hits) std::cout << format_hit_text(hit, style) << "\n";
    if (!last_->suggestion.empty()) message("did you mean: " + printable_line(last_->suggestion));
    for (const std::string& name : searcher_.missing_shards()) message("without the shard " + name + ": it is unreachable");
    if (last_->hits.empty()) {
        message("no articles matched" + std::string(filter_summary().empty() ? "" : " (:clear drops the filters)"));
        return;
    }
    const std::size_t first = offset_ + 1, last = offset_ + last_->hits.size();
    std::string status = "results " + std::to_string(first) + "–" + std::to_string(last);
    if (more_) {
        // Xapian's estimate can be below what is already known to exist.
        std::size_t about = std::max<std::size_t>(last_->matches_estimated, last + 1);
        status += " of " + std::to_string(about) + " · Enter or :next for more";
    } else {
        status += " of " + std::to_string(last);
    }
    status += " · :open N to read";
    message(status);
}

void Repl::next_page() {
    if (!last_) {
        message("no results yet: type a query");
        return;
    }
    if (!more_) {
        message("no more results");
        return;
    }
    new_search(offset_ + request_.limit);
}

void Repl::previous_page() {
    if (!last_ || offset_ == 0) {
        message("already on the first page");
        return;
    }
    new_search(offset_ > request_.limit ? offset_ - request_.limit : 0);
}

void Repl::refresh() {
    if (query_.empty() && filters_.empty()) {
        message("filters: " + (filter_summary().empty() ? std::string("none") : filter_summary()) + " (they apply to the next query)");
        return;
    }
    new_search(0);
}

void Repl::add_filter(const std::string& field, const std::string& value) {
    if (value.empty()) throw UsageError(":" + field + " needs a value, e.g. :" + field + (field == "source" ? " amar_ujala" : " Modi"));
    filters_.push_back(field + ":" + quoted_value(value));
    refresh();
}

void Repl::open_article(const std::string& arg) {
    char* end = nullptr;
    unsigned long n = std::strtoul(arg.c_str(), &end, 10);
    if (arg.empty() || *end != '\0' || n == 0) throw UsageError(":open takes a result number, e.g. :open 1");
    if (!last_) throw UsageError("no results yet: type a query first");
    std::string id;
    for (const auto& hit : last_->hits) {
        if (hit.rank == n) id = hit.article.id;
    }
    if (id.empty()) {
        // A result of another page of the same query.
        SearchRequest request = request_;
        request.query = effective_query();
        request.offset = n - 1;
        request.limit = 1;
        request.snippets = false;
        SearchResult one = searcher_.search(request);
        if (one.hits.empty()) throw UsageError("there is no result " + std::to_string(n));
        id = one.hits.front().article.id;
    }
    std::optional<Article> article = searcher_.article(id);
    if (!article) throw UsageError("article " + id + " is no longer in the index");
    const std::size_t width = terminal_width();
    // The article's own text made printable first (escapes in it would reach the terminal, or
    // the pager with -R), Khoj's colours after.
    std::string text;
    text += (color_ ? kBold : "") + wrap_to_width(printable_line(article->title), width) + (color_ ? kReset : "") + "\n";
    text += (color_ ? kDim : "") + article_meta_line(*article) + (color_ ? kReset : "") + "\n";
    if (!article->url.empty()) text += (color_ ? kDim : "") + printable_line(article->url) + (color_ ? kReset : "") + "\n";
    text += "\n" + wrap_to_width(printable_text(tidy_paragraphs(article->body)), width) + "\n";
    show_long_text(text);
}

void Repl::show_long_text(const std::string& text) {
    std::size_t lines = 0;
    for (char c : text) lines += c == '\n';
    const char* env = std::getenv("PAGER");
    std::string pager = env ? env : "less -R";
    if (pager.empty() || lines < terminal_height() || !stdout_is_terminal()) {
        std::cout << text;
        return;
    }
    std::cout.flush();
    ::setenv("LESS", "R", 0);  // as git does: a bare PAGER=less still shows colours, not escape codes
    std::FILE* pipe = ::popen(pager.c_str(), "w");
    if (!pipe) {
        std::cout << text;
        return;
    }
    std::fwrite(text.data(), 1, text.size(), pipe);  // EPIPE when the reader quits early: SIGPIPE is ignored
    int status = ::pclose(pipe);
    g_interrupted = 0;  // a Ctrl-C inside the pager belongs to the pager
    if (status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 127) {
        std::cerr << "khoj-search: cannot run pager '" << pager << "'; set PAGER\n";
        std::cout << text;
    }
}

void Repl::command(const std::string& name, const std::string& arg, bool& quit) {
    if (name == "quit" || name == "q" || name == "exit") {
        quit = true;
    } else if (name == "next" || name == "n") {
        next_page();
    } else if (name == "prev" || name == "p") {
        previous_page();
    } else if (name == "open" || name == "o") {
        open_article(arg);
    } else if (name == "since" || name == "until") {
        std::string& day = name == "since" ? request_.since : request_.until;
        const std::string before = day;
        day = arg.empty() ? "" : checked_day(arg, ":" + name);
        if (!request_.since.empty() && !request_.until.empty() && request_.since > request_.until) {
            const std::string range = request_.since + " .. " + request_.until;
            day = before;  // the filters stay as they were
            throw UsageError(":since is after :until (" + range + ")");
        }
        refresh();
    } else if (name == "source" || kind_from_name(name)) {  // the filters of the query syntax
        add_filter(name, arg);
    } else if (name == "clear") {
        filters_.clear();
        request_.since.clear();
        request_.until.clear();
        refresh();
    } else if (name == "copies") {
        request_.all_copies = !request_.all_copies;
        message(request_.all_copies ? "every copy of a story is a result of its own" : "copies of a story collapse into the best one");
        if (!query_.empty() || !filters_.empty()) new_search(0);
    } else if (name == "explain") {
        if (!last_) throw UsageError("no query yet");
        std::string report = format_explanation(last_->built, searcher_.database(), color_);
        std::cout << (report.empty() ? "(the query has no words to explain)\n" : report);
    } else if (name == "help" || name == "h" || name == "?") {
        std::cout << kReplHelp;
    } else {
        throw UsageError("unknown command :" + name + " (:help lists the commands)");
    }
}

bool Repl::handle(const std::string& raw) {
    std::string line = trim(raw);
    bool quit = false;
    try {
        if (line.empty()) {
            if (last_) next_page();
        } else if (line[0] == ':') {
            std::size_t space = line.find_first_of(" \t");
            std::string name = line.substr(1, space == std::string::npos ? std::string::npos : space - 1);
            std::string arg = space == std::string::npos ? "" : trim(line.substr(space));
            command(name, arg, quit);
        } else {
            query_ = line;
            new_search(0);
        }
    } catch (const UsageError& e) {
        // A mistyped query or command must not end the session.
        std::cerr << "khoj-search: " << printable_text(e.what()) << "\n";  // it may quote an id
    }
    std::cout.flush();
    return !quit;
}

void Repl::cancel_line() {
    // Show "^C" after what was typed, drop the line and start afresh (as bash does).
    rl_point = rl_end;
    rl_redisplay();
    rl_echo_signal_char(SIGINT);
    rl_crlf();
    rl_free_line_state();
    rl_callback_sigcleanup();
    rl_replace_line("", 1);
    using_history();  // leave any history entry being browsed
    rl_on_new_line();
    rl_redisplay();
}

int Repl::run() {
    History history;
    std::cout << "khoj " << KHOJ_VERSION << ": " << searcher_.database().get_doccount()
              << " articles. Type a query, :help for commands, Ctrl-D to leave.\n";
    std::cout.flush();
    bool quit = false;
    while (!quit) {
        g_pending = PendingLine{};
        g_interrupted = 0;
        const std::string p = prompt();
        rl_callback_handler_install(p.c_str(), on_line);
        while (!g_pending.ready) {
            if (g_interrupted) {
                g_interrupted = 0;
                cancel_line();
            }
            if (g_resized) {
                g_resized = 0;
                rl_resize_terminal();
            }
            pollfd in{STDIN_FILENO, POLLIN, 0};
            int ready = ::poll(&in, 1, -1);
            if (ready < 0) {
                if (errno == EINTR) continue;
                g_pending = PendingLine{true, true, ""};
                break;
            }
            if (in.revents & (POLLIN | POLLHUP | POLLERR)) rl_callback_read_char();
        }
        if (g_pending.eof) {
            rl_callback_handler_remove();
            std::cout << "\n";
            break;
        }
        std::string line = trim(g_pending.text);
        if (!line.empty() && line != ":quit" && line != ":q" && line != ":exit") history.add(line);
        quit = !handle(line);
    }
    return 0;
}

}  // namespace

int run_repl(const ReplOptions& options) {
    use_utf8_locale();
    Repl repl(options);
    rl_readline_name = "khoj";
    rl_catch_signals = 0;        // our handlers only set flags; the loop acts on them
    rl_catch_sigwinch = 0;
    rl_change_environment = 0;   // keep $COLUMNS unset so the width follows resizes
    struct sigaction action {};
    sigemptyset(&action.sa_mask);
    action.sa_handler = on_sigint;  // no SA_RESTART: poll() must return on Ctrl-C
    sigaction(SIGINT, &action, nullptr);
    action.sa_handler = on_sigwinch;
    sigaction(SIGWINCH, &action, nullptr);
    std::signal(SIGPIPE, SIG_IGN);  // a pager that quits early must not end the session
    return repl.run();
}

}  // namespace khoj
