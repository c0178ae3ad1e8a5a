/** @file terminal_test.cpp @brief Tests of the colour policy: use_color with --color and NO_COLOR. */
#include "common/output/terminal.h"
#include "common/util/errors.h"

#include <doctest/doctest.h>

#include <cstdlib>

using namespace khoj;

TEST_CASE("use_color obeys always and never, and refuses other values") {
    CHECK(use_color("always"));
    CHECK_FALSE(use_color("never"));
    CHECK_THROWS_AS(use_color("sometimes"), UsageError);
}

TEST_CASE("use_color auto is off under NO_COLOR and TERM=dumb, whatever the terminal") {
    ::setenv("NO_COLOR", "1", 1);
    CHECK_FALSE(use_color("auto"));
    ::unsetenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    const std::string saved = term ? term : "";
    ::setenv("TERM", "dumb", 1);
    CHECK_FALSE(use_color("auto"));
    if (term) ::setenv("TERM", saved.c_str(), 1); else ::unsetenv("TERM");
}
