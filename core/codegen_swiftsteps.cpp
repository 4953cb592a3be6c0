// The Swift generator's steps: each step kind as Swift writes it (docs/codegen.md).

#include "codegenswift.h"

#include "engine.h"

namespace cascade::codegen::swift {

void SwiftWriter::step(const Step &step, Block &block)
{
    const int at = m_locations.indexOf(step);
    m_w.begin(at);
    noEquivalent(step);
    switch (step.kind) {
    case StepKind::Sleep:
        m_w.line(QStringLiteral("try await Task.sleep(for: .milliseconds(%1))").arg(step.ms), CodeLine::CheckPoint);
        break;
    case StepKind::Work:
        work(step);
        break;
    case StepKind::Checkpoint:
        m_w.line(QStringLiteral("try Task.checkCancellation()"), CodeLine::CheckPoint);
        break;
    case StepKind::IfCancelled: {
        QString then;
        if (step.ifCancelled == IfCancelledAction::Return)
            then = QStringLiteral("return");
        else if (step.ifCancelled == IfCancelledAction::Break)
            then = QStringLiteral("break");
        else if (step.error.isEmpty())
            then = QStringLiteral("throw CancellationError()");
        else
            then = QStringLiteral("throw %1()").arg(errorType(step.error));
        m_w.line(QStringLiteral("guard !Task.isCancelled else { %1 }").arg(then), CodeLine::CheckPoint);
        break;
    }
    case StepKind::WhileActive:
    case StepKind::Repeat: {
        Block inner = block;
        inner.inLoop = true;
        const bool indexUsed = usesLoopIndex(step.body);
        inner.loopVar = block.loopVar.isEmpty() ? QStringLiteral("i") : block.loopVar + QStringLiteral("i");
        const QString var = indexUsed ? inner.loopVar : QStringLiteral("_");
        if (step.kind == StepKind::Repeat) {
            m_w.line(QStringLiteral("for %1 in %2..<%3 {").arg(var).arg(step.from).arg(step.from + step.count));
        } else if (step.count > 0) {
            m_w.line(QStringLiteral("for %1 in 0..<%2 {  // at most %2 rounds").arg(var).arg(step.count));
            m_w.line(QStringLiteral("    guard !Task.isCancelled else { break }"), CodeLine::CheckPoint);
        } else if (indexUsed) {
            m_w.line(QStringLiteral("var %1 = 0").arg(var));
            m_w.line(QStringLiteral("while !Task.isCancelled {"), CodeLine::CheckPoint);
        } else {
            m_w.line(QStringLiteral("while !Task.isCancelled {"), CodeLine::CheckPoint);
        }
        m_w.indent();
        steps(step.body, inner);
        if (step.kind == StepKind::WhileActive && step.count == 0 && indexUsed)
            m_w.line(QStringLiteral("%1 += 1").arg(var));
        m_w.dedent();
        m_w.line(QStringLiteral("}"));
        break;
    }
    case StepKind::Print:
        m_w.line(QStringLiteral("print(%1)").arg(text(step.text, block)));
        break;
    case StepKind::Raise:
        m_w.line(step.text.isEmpty() ? QStringLiteral("throw %1()").arg(errorType(step.error))
                                     : QStringLiteral("throw %1(message: %2)").arg(errorType(step.error), text(step.text, block)));
        break;
    case StepKind::Try:
        tryStep(step, block);
        break;
    case StepKind::Group:
        group(step, block);
        break;
    case StepKind::Gather:
        gather(step, block);
        break;
    case StepKind::Spawn: {
        const TaskSpec &spec = step.tasks.front();
        const QString h = handle(block, spec.name);
        if (step.link == SpawnLink::Child) {
            // async let: a child task that the end of the scope cancels and awaits if nobody did.
            if (spec.count > 1)
                m_w.line(QStringLiteral("// No equivalent: %1 child tasks as one async let; the last one is shown").arg(spec.count),
                         CodeLine::NoEquivalent);
            const QString index = countedIndex(spec, block);
            m_w.line(QStringLiteral("async let %1: Void = %2").arg(h, call(spec, spec.count > 1 ? QString::number(spec.count - 1) : index)));
        } else {
            const QString make = step.link == SpawnLink::Detached ? QStringLiteral("Task.detached") : QStringLiteral("Task");
            const QString assign = block.guarded->contains(spec.name) ? h + QStringLiteral(" = ") : QStringLiteral("let %1 = ").arg(h);
            if (spec.count > 1)
                m_w.line(QStringLiteral("%1(0..<%2).map { index in %3 { try await %4 } }.last!")
                             .arg(assign).arg(spec.count).arg(make, call(spec, QStringLiteral("index"))));
            else
                m_w.line(QStringLiteral("%1%2 { try await %3 }").arg(assign, make, call(spec, countedIndex(spec, block))));
        }
        break;
    }
    case StepKind::Join: {
        if (!Engine::unavailable(step, Runtime::Swift).isEmpty())
            m_w.line(QStringLiteral("// the join, without them:"), CodeLine::NoEquivalent);
        const QString h = handle(block, step.target);
        if (block.asyncLets->value(step.target))
            m_w.line(QStringLiteral("try await %1").arg(h));
        else if (block.certain.contains(step.target))
            m_w.line(QStringLiteral("try await %1.value").arg(h));
        else
            m_w.line(QStringLiteral("try await %1?.value").arg(h));
        break;
    }
    case StepKind::Cancel: {
        const QString h = handle(block, step.target);
        if (block.asyncLets->value(step.target))
            m_w.line(QStringLiteral("// No equivalent: an async let has no handle to cancel; leaving the scope cancels it"),
                     CodeLine::NoEquivalent);
        else
            m_w.line(block.certain.contains(step.target) ? QStringLiteral("%1.cancel()").arg(h) : QStringLiteral("%1?.cancel()").arg(h));
        break;
    }
    case StepKind::CancelChildren:
        m_w.line(QStringLiteral("%1.cancelAll()").arg(block.group.isEmpty() ? QStringLiteral("group") : block.group));
        break;
    case StepKind::Timeout:
    case StepKind::Shield: {
        m_w.line(QStringLiteral("// its steps, without it:"), CodeLine::NoEquivalent);
        Block inner = block;
        steps(step.body, inner);
        break;
    }
    case StepKind::OnCancel: {
        m_w.line(QStringLiteral("try await withTaskCancellationHandler {"));
        m_w.indent();
        Block inner = block;
        steps(step.body, inner);
        m_w.dedent();
        const int handler = m_locations.handlerOf(step);
        m_w.begin(handler);
        m_w.beginMarks(CodeLine::Cleanup);
        m_w.line(QStringLiteral("} onCancel: {"));
        m_w.indent();
        for (const Step &h : step.handler) {
            const int hat = m_locations.indexOf(h);
            m_w.begin(hat);
            if (h.kind == StepKind::Print)
                m_w.line(QStringLiteral("print(%1)").arg(text(h.text, block)));
            else
                m_w.line(QStringLiteral("%1.yield()").arg(m_streams.value(h.target)));
            m_w.end(hat);
        }
        m_w.dedent();
        m_w.endMarks();
        m_w.end(handler);
        m_w.line(QStringLiteral("}"));
        break;
    }
    case StepKind::WaitSignal:
        m_w.line(QStringLiteral("_ = await %1Waiting.next()").arg(m_streams.value(step.target)));
        break;
    case StepKind::Signal:
        m_w.line(QStringLiteral("%1.yield()").arg(m_streams.value(step.target)));
        break;
    }
    m_w.end(at);
    if (step.kind == StepKind::Spawn)
        block.certain.insert(step.tasks.front().name);
}

void SwiftWriter::work(const Step &step)
{
    if (step.checkEveryMs <= 0 || step.checkEveryMs >= step.ms) {
        m_w.line(QStringLiteral("cpuWork(milliseconds: %1)").arg(step.ms));
        return;
    }
    const qint64 slices = (step.ms + step.checkEveryMs - 1) / step.checkEveryMs;
    m_w.line(QStringLiteral("for slice in 0..<%1 {  // %2 ms of CPU work, a check every %3 ms").arg(slices).arg(step.ms).arg(step.checkEveryMs));
    if (step.check == WorkCheck::Poll)
        m_w.line(QStringLiteral("    if slice > 0 && Task.isCancelled { break }"), CodeLine::CheckPoint);
    else
        m_w.line(QStringLiteral("    if slice > 0 { try Task.checkCancellation() }"), CodeLine::CheckPoint);
    if (step.ms % step.checkEveryMs == 0)
        m_w.line(QStringLiteral("    cpuWork(milliseconds: %1)").arg(step.checkEveryMs));
    else
        m_w.line(QStringLiteral("    cpuWork(milliseconds: min(%1, %2 - slice * %1))").arg(step.checkEveryMs).arg(step.ms));
    m_w.line(QStringLiteral("}"));
}

void SwiftWriter::tryStep(const Step &step, Block &block)
{
    // do { defer { cleanup } ; do { body } catch { ... } }: the defer runs after the catch clauses.
    const int cleanup = m_locations.finallyOf(step);
    const bool both = cleanup >= 0 && !step.catches.empty();
    m_w.line(QStringLiteral("do {"));
    m_w.indent();
    if (cleanup >= 0) {
        m_w.begin(cleanup);
        m_w.beginMarks(CodeLine::Cleanup);
        if (awaitsIn(step.finallyBody))
            m_w.line(QStringLiteral("// No equivalent: Swift's defer cannot await or throw; this cleanup would be"
                                    " a Task or a call after the do/catch"), CodeLine::NoEquivalent);
        m_w.line(QStringLiteral("defer {"));
        m_w.indent();
        Block inner = block;
        steps(step.finallyBody, inner);
        m_w.dedent();
        m_w.line(QStringLiteral("}"));
        m_w.endMarks();
        m_w.end(cleanup);
    }
    if (both) {
        m_w.line(QStringLiteral("do {"));
        m_w.indent();
    }
    Block body = block;
    steps(step.body, body);
    if (both || cleanup < 0)
        m_w.dedent();
    for (const CatchClause &clause : step.catches) {
        const int at = m_locations.indexOf(clause);
        m_w.begin(at);
        QString type;
        switch (clause.match) {
        case CatchClause::Match::Cancellation: type = QStringLiteral("CancellationError"); break;
        case CatchClause::Match::Any: break;
        case CatchClause::Match::Named:
            type = errorType(clause.errorName == QLatin1String("timeout") ? QStringLiteral("TimeoutError") : clause.errorName);
            break;
        }
        if (type.isEmpty())
            m_w.line(QStringLiteral("} catch {"));
        else if (clause.rethrow)
            m_w.line(QStringLiteral("} catch let error as %1 {").arg(type));
        else
            m_w.line(QStringLiteral("} catch is %1 {").arg(type));
        m_w.indent();
        Block handler = block;
        steps(clause.body, handler);
        if (clause.rethrow)
            m_w.line(QStringLiteral("throw error"));
        m_w.dedent();
        m_w.end(at);
    }
    if (both) {
        m_w.line(QStringLiteral("}"));
        m_w.dedent();
    } else if (cleanup >= 0) {
        m_w.dedent();
    }
    m_w.line(QStringLiteral("}"));
}

void SwiftWriter::group(const Step &step, Block &block)
{
    const bool strict = step.groupKind == GroupKind::Strict;
    const QString name = QStringLiteral("group");
    m_w.line(strict ? QStringLiteral("try await withThrowingTaskGroup(of: Void.self) { %1 in").arg(name)
                    : QStringLiteral("await withTaskGroup(of: Void.self) { %1 in").arg(name));
    m_w.indent();
    // A tolerant group's children keep their errors to themselves.
    const QString run = strict ? QStringLiteral("try await ") : QStringLiteral("try? await ");
    if (step.limit > 0) {
        m_w.line(QStringLiteral("// at most %1 at a time: add %1, then one more each time one ends").arg(step.limit));
        m_w.line(QStringLiteral("var work: [@Sendable () async %1-> Void] = []").arg(strict ? QStringLiteral("throws ") : QString()));
    }
    for (const TaskSpec &spec : step.tasks) {
        const QString add = step.limit > 0 ? QStringLiteral("work.append") : QStringLiteral("%1.addTask").arg(name);
        if (spec.count > 1)
            m_w.line(QStringLiteral("for index in 0..<%1 { %2 { %3%4 } }").arg(spec.count).arg(add, run, call(spec, QStringLiteral("index"))));
        else
            m_w.line(QStringLiteral("%1 { %2%3 }").arg(add, run, call(spec, countedIndex(spec, block))));
    }
    if (step.limit > 0) {
        m_w.line(QStringLiteral("var next = work.makeIterator()"));
        m_w.line(QStringLiteral("for _ in 0..<%1 { if let task = next.next() { %2.addTask(operation: task) } }").arg(step.limit).arg(name));
    }
    Block inner = block;
    inner.group = name;
    steps(step.body, inner);
    if (step.limit > 0)
        m_w.line(QStringLiteral("%1 _ in %2 { if let task = next.next() { %2.addTask(operation: task) } }")
                     .arg(strict ? QStringLiteral("for try await") : QStringLiteral("for await"), name));
    else if (strict)
        m_w.line(QStringLiteral("for try await _ in %1 {}  // a child's error comes out here").arg(name));
    m_w.dedent();
    m_w.line(QStringLiteral("}"));
}

void SwiftWriter::gather(const Step &step, const Block &block)
{
    // async let: each child starts at once; `try await (a, b)` awaits them in the order written.
    QStringList names;
    QHash<QString, QStringList> byTask;
    for (const TaskSpec &spec : step.tasks) {
        for (int i = 0; i < spec.count && i < 8; ++i) {
            const QString name = spec.count > 1 ? QStringLiteral("%1%2").arg(spec.name).arg(i) : spec.name + QStringLiteral("Done");
            m_w.line(QStringLiteral("async let %1: Void = %2").arg(name, call(spec, spec.count > 1 ? QString::number(i) : countedIndex(spec, block))));
            byTask[spec.name] << name;
        }
        if (spec.count > 8)
            m_w.line(QStringLiteral("// No equivalent: %1 async lets are written out up to 8; more take a task group")
                         .arg(spec.count), CodeLine::NoEquivalent);
    }
    QStringList order = step.awaitOrder;
    if (order.isEmpty()) {
        for (const TaskSpec &spec : step.tasks)
            order << spec.name;
    }
    for (const QString &task : std::as_const(order))
        names << byTask.value(task);
    m_w.line(names.size() == 1 ? QStringLiteral("try await %1").arg(names.constFirst())
                               : QStringLiteral("_ = try await (%1)").arg(names.join(QStringLiteral(", "))));
}

} // namespace cascade::codegen::swift
