// The code generator's entry point and what the three languages share: the line writer and its
// line map, names, print templates and the plan of task bodies. The languages are in
// codegen_python.cpp, codegen_kotlin.cpp and codegen_swift.cpp.

#include "codegenimpl.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <set>

namespace cascade {

QString codeLanguageName(CodeLanguage language)
{
    switch (language) {
    case CodeLanguage::Python: return QStringLiteral("python");
    case CodeLanguage::Kotlin: return QStringLiteral("kotlin");
    case CodeLanguage::Swift: return QStringLiteral("swift");
    }
    return {};
}

bool codeLanguageFromName(const QString &name, CodeLanguage *out)
{
    for (CodeLanguage language : {CodeLanguage::Python, CodeLanguage::Kotlin, CodeLanguage::Swift}) {
        if (codeLanguageName(language) == name) {
            *out = language;
            return true;
        }
    }
    return false;
}

CodeLanguage codeLanguageOf(Runtime runtime)
{
    switch (runtime) {
    case Runtime::Asyncio: return CodeLanguage::Python;
    case Runtime::Kotlin: return CodeLanguage::Kotlin;
    case Runtime::Swift: return CodeLanguage::Swift;
    }
    return CodeLanguage::Python;
}

Runtime runtimeOf(CodeLanguage language)
{
    switch (language) {
    case CodeLanguage::Python: return Runtime::Asyncio;
    case CodeLanguage::Kotlin: return Runtime::Kotlin;
    case CodeLanguage::Swift: return Runtime::Swift;
    }
    return Runtime::Asyncio;
}

int GeneratedCode::locationIndex(const QString &pointer) const
{
    for (std::size_t i = 0; i < locations.size(); ++i) {
        if (locations[i].pointer == pointer)
            return int(i);
    }
    return -1;
}

const CodeLocation *GeneratedCode::location(const QString &pointer) const
{
    const int index = locationIndex(pointer);
    return index >= 0 ? &locations[std::size_t(index)] : nullptr;
}

int GeneratedCode::headLine(const QString &pointer) const
{
    const CodeLocation *at = location(pointer);
    return at ? at->head : 0;
}

QByteArray GeneratedCode::lineMapJson() const
{
    QJsonArray locationArray;
    for (const CodeLocation &at : locations) {
        locationArray.append(QJsonObject{{QStringLiteral("pointer"), at.pointer},
                                         {QStringLiteral("first"), at.first},
                                         {QStringLiteral("last"), at.last},
                                         {QStringLiteral("head"), at.head}});
    }
    QJsonArray checkPoints;
    QJsonArray cleanup;
    QJsonArray noEquivalent;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const int number = int(i) + 1;
        if (lines[i].marks & CodeLine::CheckPoint)
            checkPoints.append(number);
        if (lines[i].marks & CodeLine::Cleanup)
            cleanup.append(number);
        if (lines[i].marks & CodeLine::NoEquivalent)
            noEquivalent.append(number);
    }
    QJsonArray functionArray;
    for (const CodeFunction &f : functions) {
        functionArray.append(QJsonObject{{QStringLiteral("name"), f.name},
                                         {QStringLiteral("task"), f.taskName},
                                         {QStringLiteral("pointer"), f.pointer},
                                         {QStringLiteral("indexed"), f.indexed}});
    }
    const QJsonObject map{{QStringLiteral("language"), codeLanguageName(language)},
                          {QStringLiteral("lines"), int(lines.size())},
                          {QStringLiteral("locations"), locationArray},
                          {QStringLiteral("checkPoints"), checkPoints},
                          {QStringLiteral("cleanup"), cleanup},
                          {QStringLiteral("noEquivalent"), noEquivalent},
                          {QStringLiteral("functions"), functionArray},
                          {QStringLiteral("unsupported"), QJsonArray::fromStringList(unsupported)}};
    return QJsonDocument(map).toJson(QJsonDocument::Indented);
}

GeneratedCode generateCode(const Scenario &scenario, CodeLanguage language)
{
    const StepLocations locations(scenario);
    switch (language) {
    case CodeLanguage::Python: return codegen::generatePython(scenario, locations);
    case CodeLanguage::Kotlin: return codegen::generateKotlin(scenario, locations);
    case CodeLanguage::Swift: return codegen::generateSwift(scenario, locations);
    }
    return {};
}

namespace codegen {

// ---------------------------------------------------------------- CodeWriter

CodeWriter::CodeWriter(const StepLocations &locations, QString indentUnit)
    : m_locations(locations)
    , m_indentUnit(std::move(indentUnit))
{
}

void CodeWriter::line(const QString &text, quint8 marks)
{
    CodeLine line;
    line.text = m_indentUnit.repeated(m_depth) + text;
    line.marks = marks;
    for (quint8 extra : m_extraMarks)
        line.marks |= extra;
    line.location = m_open.empty() ? -1 : m_open.back().output;
    m_lines.push_back(std::move(line));
    const int number = int(m_lines.size());
    for (const Open &open : m_open) {
        CodeLocation &at = m_out[std::size_t(open.output)];
        if (at.first == 0)
            at.first = at.head = number;  // the head is the first line unless headHere() moves it
        at.last = number;
    }
    if (m_headPending && !m_open.empty()) {
        m_out[std::size_t(m_open.back().output)].head = number;
        m_headPending = false;
    }
}

void CodeWriter::blank()
{
    CodeLine line;
    line.location = m_open.empty() ? -1 : m_open.back().output;
    m_lines.push_back(std::move(line));
}

void CodeWriter::begin(int index)
{
    if (index < 0)
        return;
    CodeLocation at;
    at.pointer = m_locations.pointer(index);
    m_out.push_back(at);
    m_open.push_back(Open{int(m_out.size()) - 1});
}

void CodeWriter::headHere()
{
    m_headPending = true;
}

void CodeWriter::end(int index)
{
    if (index < 0)
        return;
    Q_ASSERT(!m_open.empty() && m_out[std::size_t(m_open.back().output)].pointer == m_locations.pointer(index));
    m_open.pop_back();
}

GeneratedCode CodeWriter::finish(CodeLanguage language)
{
    Q_ASSERT(m_open.empty());
    GeneratedCode code;
    code.language = language;
    for (const CodeLine &line : m_lines) {
        code.text += line.text;
        code.text += QLatin1Char('\n');
    }
    code.lines = std::move(m_lines);
    code.locations = std::move(m_out);
    return code;
}

// ---------------------------------------------------------------- names and text

QString Names::claim(const QString &wanted, const QString &separator)
{
    QString name = wanted;
    for (int n = 2; m_taken.contains(name); ++n)
        name = wanted + separator + QString::number(n);
    m_taken.insert(name);
    return name;
}

std::vector<TextPart> splitTemplate(const QString &text)
{
    std::vector<TextPart> parts;
    QString literal;
    for (qsizetype i = 0; i < text.size();) {
        const QStringView rest = QStringView(text).mid(i);
        TextPart::Kind kind = TextPart::Kind::Literal;
        qsizetype length = 0;
        if (rest.startsWith(u"{i}")) {
            kind = TextPart::Kind::LoopIndex;
            length = 3;
        } else if (rest.startsWith(u"{task}")) {
            kind = TextPart::Kind::TaskName;
            length = 6;
        }
        if (length == 0) {
            literal += text.at(i++);
            continue;
        }
        if (!literal.isEmpty())
            parts.push_back(TextPart{TextPart::Kind::Literal, std::exchange(literal, QString())});
        parts.push_back(TextPart{kind, {}});
        i += length;
    }
    if (!literal.isEmpty())
        parts.push_back(TextPart{TextPart::Kind::Literal, literal});
    return parts;
}

bool usesLoopIndex(const Steps &steps)
{
    for (const Step &step : steps) {
        if ((step.kind == StepKind::Print || step.kind == StepKind::Raise) && step.text.contains(QLatin1String("{i}")))
            return true;
        if (step.kind == StepKind::Repeat || step.kind == StepKind::WhileActive)
            continue;  // its own index
        if (usesLoopIndex(step.body) || usesLoopIndex(step.finallyBody) || usesLoopIndex(step.handler))
            return true;
        for (const CatchClause &clause : step.catches) {
            if (usesLoopIndex(clause.body))
                return true;
        }
    }
    return false;
}

namespace {

void collectStartedInLoops(const Steps &steps, bool inLoop, QList<const TaskSpec *> *out)
{
    for (const Step &step : steps) {
        const bool loop = inLoop || step.kind == StepKind::Repeat || step.kind == StepKind::WhileActive;
        collectStartedInLoops(step.body, loop, out);
        collectStartedInLoops(step.finallyBody, inLoop, out);
        for (const CatchClause &clause : step.catches)
            collectStartedInLoops(clause.body, inLoop, out);
        for (const TaskSpec &spec : step.tasks) {
            if (inLoop && spec.count == 1)
                *out << &spec;
        }
    }
}

} // namespace

QList<const TaskSpec *> specsStartedInLoops(const Steps &body)
{
    QList<const TaskSpec *> out;
    collectStartedInLoops(body, false, &out);
    return out;
}

QString quoted(const QString &text, bool swiftEscapes)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"': out += QStringLiteral("\\\""); break;
        case '\\': out += QStringLiteral("\\\\"); break;
        case '\n': out += QStringLiteral("\\n"); break;
        case '\t': out += QStringLiteral("\\t"); break;
        case '\r': out += QStringLiteral("\\r"); break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
                out += swiftEscapes ? QStringLiteral("\\u{%1}").arg(int(c.unicode()), 0, 16)
                                    : QStringLiteral("\\u%1").arg(int(c.unicode()), 4, 16, QLatin1Char('0'));
            } else {
                out += c;
            }
        }
    }
    out += QLatin1Char('"');
    return out;
}

// ---------------------------------------------------------------- the plan

namespace {

class Planner {
public:
    Planner(const StepLocations &locations, bool innerTasks) : m_locations(locations), m_innerTasks(innerTasks) {}

    void task(const TaskSpec &spec, bool indexed, bool limited = false)
    {
        body(spec.body, false);
        TaskDefinition def;
        def.spec = &spec;
        def.taskName = spec.name;
        def.location = m_locations.indexOf(spec);
        def.indexed = indexed;
        def.limited = limited;
        m_out.push_back(def);
    }
    std::vector<TaskDefinition> take() { return std::move(m_out); }

private:
    void body(const Steps &steps, bool inLoop)
    {
        for (const Step &step : steps)
            this->step(step, inLoop);
    }
    void step(const Step &step, bool inLoop)
    {
        const bool loop = inLoop || step.kind == StepKind::Repeat || step.kind == StepKind::WhileActive;
        const bool inner = m_innerTasks
            && ((step.kind == StepKind::Timeout && step.timeoutStyle == TimeoutStyle::WaitFor)
                || step.kind == StepKind::Shield);
        if (inner) {
            body(step.body, false);  // a task of its own: no enclosing loop
            TaskDefinition def;
            def.innerOf = &step;
            def.taskName = !step.target.isEmpty() ? step.target
                : step.kind == StepKind::Shield   ? QStringLiteral("shielded")
                                                  : QStringLiteral("wait_for");
            def.location = m_locations.innerTaskOf(step);
            m_out.push_back(def);
        } else {
            body(step.body, loop);
        }
        body(step.finallyBody, inLoop);
        body(step.handler, inLoop);
        for (const CatchClause &clause : step.catches)
            body(clause.body, inLoop);
        for (const TaskSpec &spec : step.tasks)
            task(spec, spec.count > 1 || inLoop, step.kind == StepKind::Group && step.limit > 0);
    }

    const StepLocations &m_locations;
    bool m_innerTasks;
    std::vector<TaskDefinition> m_out;
};

template<typename Visit>
void visitSteps(const Steps &steps, const Visit &visit)
{
    for (const Step &step : steps) {
        visit(step);
        visitSteps(step.body, visit);
        visitSteps(step.finallyBody, visit);
        visitSteps(step.handler, visit);
        for (const CatchClause &clause : step.catches)
            visitSteps(clause.body, visit);
        for (const TaskSpec &spec : step.tasks)
            visitSteps(spec.body, visit);
    }
}

QStringList sorted(const std::set<QString> &names)
{
    QStringList out;
    for (const QString &name : names)
        out << name;
    return out;
}

} // namespace

std::vector<TaskDefinition> planTasks(const Scenario &scenario, const StepLocations &locations, bool innerTasks)
{
    Planner planner(locations, innerTasks);
    planner.task(scenario.root, false);
    return planner.take();
}

QStringList errorNames(const Scenario &scenario)
{
    std::set<QString> names;
    visitSteps(scenario.root.body, [&](const Step &step) {
        if ((step.kind == StepKind::Raise || step.kind == StepKind::IfCancelled) && !step.error.isEmpty())
            names.insert(step.error);
        for (const CatchClause &clause : step.catches) {
            if (clause.match == CatchClause::Match::Named && clause.errorName != QLatin1String("timeout"))
                names.insert(clause.errorName);
        }
    });
    return sorted(names);
}

QStringList signalNames(const Scenario &scenario)
{
    std::set<QString> names;
    visitSteps(scenario.root.body, [&](const Step &step) {
        if (step.kind == StepKind::WaitSignal || step.kind == StepKind::Signal)
            names.insert(step.target);
    });
    return sorted(names);
}

bool anyStep(const Scenario &scenario, bool (*predicate)(const Step &))
{
    bool found = false;
    visitSteps(scenario.root.body, [&](const Step &step) { found = found || predicate(step); });
    return found;
}

} // namespace codegen

} // namespace cascade
