// Python asyncio (3.11): every task body is a module-level coroutine function; main() runs under
// asyncio.run(). CPU work goes through cpu_work(ms), the one function the fidelity harness replaces
// (docs/fidelity.md), and print() is the only output.

#include "codegenpython.h"

#include "engine.h"

namespace cascade::codegen::python {

const QSet<QString> &pythonReserved()
{
    static const QSet<QString> words{
        // keywords and soft keywords
        QStringLiteral("False"), QStringLiteral("None"), QStringLiteral("True"), QStringLiteral("and"),
        QStringLiteral("as"), QStringLiteral("assert"), QStringLiteral("async"), QStringLiteral("await"),
        QStringLiteral("break"), QStringLiteral("class"), QStringLiteral("continue"), QStringLiteral("def"),
        QStringLiteral("del"), QStringLiteral("elif"), QStringLiteral("else"), QStringLiteral("except"),
        QStringLiteral("finally"), QStringLiteral("for"), QStringLiteral("from"), QStringLiteral("global"),
        QStringLiteral("if"), QStringLiteral("import"), QStringLiteral("in"), QStringLiteral("is"),
        QStringLiteral("lambda"), QStringLiteral("nonlocal"), QStringLiteral("not"), QStringLiteral("or"),
        QStringLiteral("pass"), QStringLiteral("raise"), QStringLiteral("return"), QStringLiteral("try"),
        QStringLiteral("while"), QStringLiteral("with"), QStringLiteral("yield"), QStringLiteral("match"),
        QStringLiteral("case"), QStringLiteral("type"), QStringLiteral("_"),
        // what the program itself uses
        QStringLiteral("asyncio"), QStringLiteral("itertools"), QStringLiteral("time"), QStringLiteral("print"),
        QStringLiteral("range"), QStringLiteral("next"), QStringLiteral("min"), QStringLiteral("Exception"),
        QStringLiteral("BaseException"), QStringLiteral("TimeoutError"), QStringLiteral("ExceptionGroup"),
        QStringLiteral("cpu_work"), QStringLiteral("cpu_work_with_check_points"), QStringLiteral("cpu_work_polling"),
        QStringLiteral("ms"), QStringLiteral("every"), QStringLiteral("done"), QStringLiteral("end"),
        QStringLiteral("child"), QStringLiteral("index"), QStringLiteral("self"), QStringLiteral("slots"),
    };
    return words;
}

bool isBuiltinException(const QString &name)
{
    static const QSet<QString> builtins{
        QStringLiteral("Exception"), QStringLiteral("ArithmeticError"), QStringLiteral("AssertionError"),
        QStringLiteral("AttributeError"), QStringLiteral("BufferError"), QStringLiteral("EOFError"),
        QStringLiteral("ImportError"), QStringLiteral("IndexError"), QStringLiteral("KeyError"),
        QStringLiteral("LookupError"), QStringLiteral("MemoryError"), QStringLiteral("NameError"),
        QStringLiteral("NotImplementedError"), QStringLiteral("OSError"), QStringLiteral("OverflowError"),
        QStringLiteral("RecursionError"), QStringLiteral("RuntimeError"), QStringLiteral("TypeError"),
        QStringLiteral("ValueError"), QStringLiteral("ZeroDivisionError"), QStringLiteral("ConnectionError"),
        QStringLiteral("TimeoutError"), QStringLiteral("PermissionError"), QStringLiteral("FileNotFoundError"),
        QStringLiteral("UnicodeError"), QStringLiteral("SystemError"),
    };
    return builtins.contains(name);
}

QString seconds(qint64 ms)
{
    const qint64 whole = ms / 1000;
    const qint64 fraction = ms % 1000;
    if (fraction == 0)
        return QString::number(whole);
    QString digits = QStringLiteral("%1").arg(fraction, 3, 10, QLatin1Char('0'));
    while (digits.endsWith(QLatin1Char('0')))
        digits.chop(1);
    return QString::number(whole) + QLatin1Char('.') + digits;
}

void collectFacts(const Steps &steps, bool inLoop, QSet<QString> certain, FunctionFacts *facts)
{
    for (const Step &step : steps) {
        const bool loop = inLoop || step.kind == StepKind::Repeat || step.kind == StepKind::WhileActive;
        const bool innerTask = (step.kind == StepKind::Timeout && step.timeoutStyle == TimeoutStyle::WaitFor)
            || step.kind == StepKind::Shield;
        if ((step.kind == StepKind::Join || step.kind == StepKind::Cancel) && !certain.contains(step.target))
            facts->guarded.insert(step.target);
        if (!innerTask)
            collectFacts(step.body, loop, certain, facts);
        collectFacts(step.finallyBody, inLoop, certain, facts);
        collectFacts(step.handler, inLoop, certain, facts);
        for (const CatchClause &clause : step.catches)
            collectFacts(clause.body, inLoop, certain, facts);
        for (const TaskSpec &spec : step.tasks) {
            if (inLoop && spec.count == 1)
                facts->counted << &spec;
        }
        if (step.kind == StepKind::Spawn)
            certain.insert(step.tasks.front().name);
    }
}

bool hasCancelChildren(const Steps &steps)
{
    for (const Step &step : steps) {
        if (step.kind == StepKind::CancelChildren)
            return true;
        if (step.kind == StepKind::Group)
            continue;  // cancelChildren inside a nested group cancels that group's tasks
        const bool innerTask = (step.kind == StepKind::Timeout && step.timeoutStyle == TimeoutStyle::WaitFor)
            || step.kind == StepKind::Shield;
        if ((!innerTask && hasCancelChildren(step.body)) || hasCancelChildren(step.finallyBody))
            return true;
        for (const CatchClause &clause : step.catches) {
            if (hasCancelChildren(clause.body))
                return true;
        }
    }
    return false;
}

GeneratedCode PythonWriter::run()
{
    m_defs = planTasks(m_scenario, m_locations, true);
    for (const TaskDefinition &def : m_defs) {
        const QString name = m_globals.claim(def.spec ? def.spec->name : def.taskName);
        m_functionNames.insert(def.spec ? static_cast<const void *>(def.spec) : def.innerOf, name);
    }
    for (const QString &error : errorNames(m_scenario)) {
        if (error == QLatin1String("CancelledError"))
            m_errorClasses.insert(error, QStringLiteral("asyncio.CancelledError"));
        else if (isBuiltinException(error) || error == QLatin1String("ExceptionGroup"))
            m_errorClasses.insert(error, error);
        else
            m_errorClasses.insert(error, m_globals.claim(QString(error).replace(QLatin1Char('.'), QLatin1Char('_'))));
    }
    for (const QString &signal : signalNames(m_scenario))
        m_queues.insert(signal, m_globals.claim(signal));

    // The functions first (into a separate pass over the writer would reorder lines): header,
    // helpers, classes, queues, then every task body, main last.
    header();
    helpers();
    for (const TaskDefinition &def : m_defs)
        function(def);
    m_w.blank();
    m_w.blank();
    m_w.line(QStringLiteral("if __name__ == \"__main__\":"));
    m_w.indent();
    m_w.line(QStringLiteral("asyncio.run(%1())").arg(m_functionNames.value(&m_scenario.root)));
    m_w.dedent();

    GeneratedCode code = m_w.finish(CodeLanguage::Python);
    if (m_usesItertools) {
        // itertools is known to be needed only once the bodies are written: add it to the imports.
        for (std::size_t i = 0; i < code.lines.size(); ++i) {
            if (code.lines[i].text == QLatin1String("import asyncio")) {
                CodeLine import;
                import.text = QStringLiteral("import itertools");
                code.lines.insert(code.lines.begin() + qsizetype(i) + 1, import);
                for (CodeLocation &at : code.locations) {
                    at.first += 1;
                    at.last += 1;
                    at.head += 1;
                }
                break;
            }
        }
        code.text.clear();
        for (const CodeLine &line : code.lines)
            code.text += line.text + QLatin1Char('\n');
    }
    for (const TaskDefinition &def : m_defs) {
        CodeFunction f;
        f.name = m_functionNames.value(def.spec ? static_cast<const void *>(def.spec) : def.innerOf);
        f.taskName = def.taskName;
        f.pointer = m_locations.pointer(def.location);
        f.indexed = def.indexed;
        code.functions.push_back(f);
    }
    code.unsupported = m_unsupported;
    return code;
}

void PythonWriter::header()
{
    m_w.line(QStringLiteral("\"\"\"%1").arg(QString(m_scenario.title.en).replace(QStringLiteral("\"\"\""), QStringLiteral("'''"))));
    m_w.blank();
    m_w.line(QStringLiteral("Python asyncio (3.11+), generated by Cascade from the scenario \"%1\".").arg(m_scenario.id));
    m_w.line(QStringLiteral("Run it with: python3 %1.py").arg(m_scenario.id.isEmpty() ? QStringLiteral("scenario") : m_scenario.id));
    m_w.line(QStringLiteral("\"\"\""));
    m_w.line(QStringLiteral("import asyncio"));
    if (anyStep(m_scenario, [](const Step &s) { return s.kind == StepKind::Work; }))
        m_w.line(QStringLiteral("import time"));
}

void PythonWriter::helpers()
{
    const bool work = anyStep(m_scenario, [](const Step &s) { return s.kind == StepKind::Work; });
    if (work) {
        m_w.blank();
        m_w.blank();
        m_w.line(QStringLiteral("def cpu_work(ms):"));
        m_w.indent();
        m_w.line(QStringLiteral("\"\"\"Busy CPU work for ms milliseconds. It never awaits: the event loop (every other task,"));
        m_w.line(QStringLiteral("every timer, every cancel) waits until it is done.\"\"\""));
        m_w.line(QStringLiteral("end = time.perf_counter() + ms / 1000"));
        m_w.line(QStringLiteral("while time.perf_counter() < end:"));
        m_w.indent();
        m_w.line(QStringLiteral("pass"));
        m_w.dedent();
        m_w.dedent();
    }
    const bool checked = anyStep(m_scenario, [](const Step &s) {
        return s.kind == StepKind::Work && s.checkEveryMs > 0 && s.check != WorkCheck::Poll;
    });
    const bool polling = anyStep(m_scenario, [](const Step &s) {
        return s.kind == StepKind::Work && s.checkEveryMs > 0 && s.check == WorkCheck::Poll;
    });
    for (const bool poll : {false, true}) {
        if (!(poll ? polling : checked))
            continue;
        m_w.blank();
        m_w.blank();
        m_w.line(QStringLiteral("async def %1(ms, every):").arg(poll ? QStringLiteral("cpu_work_polling")
                                                                  : QStringLiteral("cpu_work_with_check_points")));
        m_w.indent();
        m_w.line(poll ? QStringLiteral("\"\"\"CPU work in slices of `every` ms. Between slices it lets the others run and stops")
                      : QStringLiteral("\"\"\"CPU work in slices of `every` ms with a check point between slices: await"));
        m_w.line(poll ? QStringLiteral("early, quietly, once the task has been cancelled.\"\"\"")
                      : QStringLiteral("asyncio.sleep(0) lets the others run and raises CancelledError if this task was cancelled.\"\"\""));
        m_w.line(QStringLiteral("done = 0"));
        m_w.line(QStringLiteral("while True:"));
        m_w.indent();
        m_w.line(QStringLiteral("cpu_work(min(every, ms - done))"));
        m_w.line(QStringLiteral("done += every"));
        m_w.line(QStringLiteral("if done >= ms:"));
        m_w.indent();
        m_w.line(QStringLiteral("return"));
        m_w.dedent();
        m_w.line(QStringLiteral("await asyncio.sleep(0)"), CodeLine::CheckPoint);
        if (poll) {
            m_w.line(QStringLiteral("if asyncio.current_task().cancelling():"), CodeLine::CheckPoint);
            m_w.indent();
            m_w.line(QStringLiteral("return"));
            m_w.dedent();
        }
        m_w.dedent();
        m_w.dedent();
    }
    QStringList declared;
    for (const QString &error : errorNames(m_scenario)) {
        const QString cls = m_errorClasses.value(error);
        if (cls == error && (isBuiltinException(error) || error == QLatin1String("ExceptionGroup")))
            continue;
        if (cls.startsWith(QLatin1String("asyncio.")))
            continue;
        declared << cls;
    }
    for (const QString &cls : std::as_const(declared)) {
        m_w.blank();
        m_w.blank();
        m_w.line(QStringLiteral("class %1(Exception):").arg(cls));
        m_w.indent();
        m_w.line(QStringLiteral("pass"));
        m_w.dedent();
    }
    const QStringList signals = signalNames(m_scenario);
    if (!signals.isEmpty()) {
        m_w.blank();
        m_w.blank();
        m_w.line(QStringLiteral("# Signals: put_nowait() wakes one task waiting in get(), or is kept for the next one."));
        for (const QString &signal : signals)
            m_w.line(QStringLiteral("%1 = asyncio.Queue()").arg(m_queues.value(signal)));
    }
}

void PythonWriter::function(const TaskDefinition &def)
{
    Function fn;
    fn.def = &def;
    fn.name = m_functionNames.value(def.spec ? static_cast<const void *>(def.spec) : def.innerOf);
    QSet<QString> taken = m_globals.all();
    taken.remove(QStringLiteral("slots"));  // no function has that name: a local may (a group's Semaphore)
    fn.locals = Names(taken);
    m_fn = &fn;

    FunctionFacts facts;
    collectFacts(def.body(), false, {}, &facts);

    m_w.blank();
    m_w.blank();
    m_w.begin(def.location);
    QStringList params;
    if (def.indexed)
        params << QStringLiteral("index");
    if (def.limited)
        params << QStringLiteral("slots");
    m_w.line(QStringLiteral("async def %1(%2):").arg(fn.name, params.join(QStringLiteral(", "))));
    m_w.indent();
    if (def.limited) {
        m_w.line(QStringLiteral("async with slots:  # wait for a free slot of the group"), CodeLine::CheckPoint);
        m_w.indent();
    }
    for (const TaskSpec *spec : std::as_const(facts.counted)) {
        const QString counter = fn.locals.claim(spec->name + QStringLiteral("_numbers"));
        fn.counters.insert(spec, counter);
        m_usesItertools = true;
        m_w.line(QStringLiteral("%1 = itertools.count()  # %2[0], %2[1], ... in the order they start")
                     .arg(counter, spec->name));
    }
    QStringList guarded = facts.guarded.values();
    guarded.sort();
    for (const QString &name : std::as_const(guarded))
        m_w.line(QStringLiteral("%1 = None").arg(handle(name)));
    Block block;
    const int before = m_w.lineCount();
    steps(def.body(), block);
    if (m_w.lineCount() == before && (def.limited || (facts.counted.isEmpty() && guarded.isEmpty())))
        m_w.line(QStringLiteral("pass"));
    if (def.limited)
        m_w.dedent();
    m_w.dedent();
    m_w.end(def.location);
    m_fn = nullptr;
}

QString PythonWriter::handle(const QString &taskName)
{
    auto it = m_fn->handles.constFind(taskName);
    if (it != m_fn->handles.cend())
        return it.value();
    const QString name = m_fn->locals.claim(taskName + QStringLiteral("_task"));
    m_fn->handles.insert(taskName, name);
    return name;
}

QString PythonWriter::errorClass(const QString &name) const
{
    return m_errorClasses.value(name, name);
}

QString PythonWriter::text(const QString &text, const Block &block) const
{
    const std::vector<TextPart> parts = splitTemplate(text);
    bool plain = true;
    for (const TextPart &part : parts)
        plain = plain && part.kind == TextPart::Kind::Literal;
    if (plain)
        return quoted(text);
    QString out = QStringLiteral("f\"");
    const TaskDefinition &def = *m_fn->def;
    for (const TextPart &part : parts) {
        switch (part.kind) {
        case TextPart::Kind::Literal: {
            QString literal = quoted(part.text);
            literal = literal.mid(1, literal.size() - 2);
            literal.replace(QLatin1Char('{'), QStringLiteral("{{")).replace(QLatin1Char('}'), QStringLiteral("}}"));
            out += literal;
            break;
        }
        case TextPart::Kind::LoopIndex:
            out += block.loopVars.isEmpty() ? QStringLiteral("0") : QLatin1Char('{') + block.loopVars.back() + QLatin1Char('}');
            break;
        case TextPart::Kind::TaskName:
            out += def.indexed ? def.taskName + QStringLiteral("[{index}]") : def.taskName;
            break;
        }
    }
    return out + QLatin1Char('"');
}

void PythonWriter::steps(const Steps &steps, Block &block)
{
    for (const Step &s : steps)
        step(s, block);
}

void PythonWriter::noEquivalent(const Step &step)
{
    for (const QString &reason : Engine::unavailable(step, Runtime::Asyncio)) {
        m_unsupported << reason;
        m_w.line(QStringLiteral("# No equivalent: %1").arg(reason), CodeLine::NoEquivalent);
    }
}

} // namespace cascade::codegen::python

namespace cascade::codegen {

GeneratedCode generatePython(const Scenario &scenario, const StepLocations &locations)
{
    return python::PythonWriter(scenario, locations).run();
}

} // namespace cascade::codegen
