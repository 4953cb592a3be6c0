#pragma once

#include "scenario.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace cascade {

//! The languages the code view shows a scenario in; each is the idiom of one runtime profile.
enum class CodeLanguage { Python, Kotlin, Swift };

[[nodiscard]] QString codeLanguageName(CodeLanguage language);  // "python", "kotlin", "swift"
[[nodiscard]] bool codeLanguageFromName(const QString &name, CodeLanguage *out);
[[nodiscard]] CodeLanguage codeLanguageOf(Runtime runtime);       // asyncio -> Python ...
[[nodiscard]] Runtime runtimeOf(CodeLanguage language);

//! One line of generated code and what the code view marks on it.
struct CodeLine {
    enum Mark : quint8 {
        CheckPoint = 1,    // a cancellation can be delivered or checked here (sleep, join, group exit, poll...)
        Cleanup = 2,       // finally / defer / cancellation-handler code
        NoEquivalent = 4,  // a comment standing for a construct the language does not have, saying why
    };
    QString text;
    quint8 marks = 0;
    int location = -1;  // the innermost CodeLocation around the line (index into GeneratedCode::locations); -1: none
};

//! Where one location of the scenario (steplocations.h: a step, a task definition, a catch clause, a
//! finally block, a cancellation handler) is in the code. Line numbers count from 1.
struct CodeLocation {
    QString pointer;  // "/root/steps/3", "/root/steps/3/catch/0", "/root/steps/0/task", "/root" ...
    int first = 0;    // first line of the construct
    int last = 0;     // last line, inclusive; ranges of two locations are disjoint or nested
    int head = 0;     // the line to highlight while a task stands here (the construct's first line)
};

//! A function of the generated program that is the body of a task definition.
struct CodeFunction {
    QString name;      // the identifier in the code ("worker", "chop_2")
    QString taskName;  // the task's name in the trace, without an index ("chop")
    QString pointer;   // the task definition's location
    bool indexed = false;  // takes the instance's index ("chop[2]") as its parameter `index`
};

//! A scenario as a complete program in one language, with its line map.
struct GeneratedCode {
    CodeLanguage language = CodeLanguage::Python;
    QString text;                          // the whole program; every line ends with '\n'
    std::vector<CodeLine> lines;           // lines[n - 1] is line n of `text`
    std::vector<CodeLocation> locations;   // in the order they start in the text
    std::vector<CodeFunction> functions;   // task bodies written as functions (Python, Swift)
    QStringList unsupported;               // the reasons of the "no equivalent" comments (Engine::unsupported)

    //! -1 when the pointer has no code in this language (e.g. asyncio's inner task under Kotlin).
    [[nodiscard]] int locationIndex(const QString &pointer) const;
    [[nodiscard]] const CodeLocation *location(const QString &pointer) const;
    //! The line to highlight for a location, or 0 when it has no code here.
    [[nodiscard]] int headLine(const QString &pointer) const;
    //! The line map as one JSON document (docs/codegen.md), for `cascade code --map` and tools.
    [[nodiscard]] QByteArray lineMapJson() const;
};

//! Writes the scenario as an idiomatic program in `language`: Python asyncio (runs on python3.11 as
//! it is), Kotlin with kotlinx.coroutines, Swift structured concurrency. Constructs the language's
//! runtime does not have become comments that say why. Deterministic: the same scenario always
//! gives the same text. docs/codegen.md has the mapping of every step kind.
[[nodiscard]] GeneratedCode generateCode(const Scenario &scenario, CodeLanguage language);

} // namespace cascade
