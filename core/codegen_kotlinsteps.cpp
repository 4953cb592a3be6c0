// The Kotlin generator's steps: each step kind as Kotlin writes it (docs/codegen.md).

#include "codegenkotlin.h"

#include "engine.h"

namespace cascade::codegen::kotlin {

void KotlinWriter::step(const Step &step, Block &block)
{
    const int at = m_locations.indexOf(step);
    m_w.begin(at);
    switch (step.kind) {
    case StepKind::Sleep:
        m_w.line(QStringLiteral("delay(%1L)").arg(step.ms), CodeLine::CheckPoint);
        break;
    case StepKind::Work:
        work(step, block);
        break;
    case StepKind::Checkpoint:
        m_w.line(QStringLiteral("ensureActive()"), CodeLine::CheckPoint);
        break;
    case StepKind::IfCancelled: {
        QString then;
        if (step.ifCancelled == IfCancelledAction::Return)
            then = QStringLiteral("return@%1").arg(block.label);
        else if (step.ifCancelled == IfCancelledAction::Break)
            then = QStringLiteral("break");
        else if (step.error.isEmpty())
            then = QStringLiteral("throw CancellationException(\"cancelled\")");
        else
            then = QStringLiteral("throw %1()").arg(errorType(step.error));
        m_w.line(QStringLiteral("if (!isActive) %1").arg(then), CodeLine::CheckPoint);
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
            if (step.from == 0 && !breaksLoop(step.body))
                m_w.line(indexUsed ? QStringLiteral("repeat(%1) { %2 ->").arg(step.count).arg(var)
                                   : QStringLiteral("repeat(%1) {").arg(step.count));
            else
                m_w.line(QStringLiteral("for (%1 in %2 until %3) {").arg(indexUsed ? var : QStringLiteral("round"))
                             .arg(step.from).arg(step.from + step.count));
        } else if (step.count > 0) {
            m_w.line(QStringLiteral("for (%1 in 0 until %2) {  // at most %2 rounds").arg(indexUsed ? var : QStringLiteral("round")).arg(step.count));
            m_w.line(QStringLiteral("    if (!isActive) break"), CodeLine::CheckPoint);
        } else if (indexUsed) {
            m_w.line(QStringLiteral("var %1 = 0").arg(var));
            m_w.line(QStringLiteral("while (isActive) {"), CodeLine::CheckPoint);
        } else {
            m_w.line(QStringLiteral("while (isActive) {"), CodeLine::CheckPoint);
        }
        m_w.indent();
        steps(step.body, inner);
        if (step.kind == StepKind::WhileActive && step.count == 0 && indexUsed)
            m_w.line(QStringLiteral("%1++").arg(var));
        m_w.dedent();
        m_w.line(QStringLiteral("}"));
        break;
    }
    case StepKind::Print:
        m_w.line(QStringLiteral("println(%1)").arg(kotlinText(step.text, block.loopVar, block.taskName, block.indexVar)));
        break;
    case StepKind::Raise:
        m_w.line(QStringLiteral("throw %1(%2)").arg(errorType(step.error), step.text.isEmpty() ? QString()
                     : kotlinText(step.text, block.loopVar, block.taskName, block.indexVar)));
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
    case StepKind::Spawn:
        spawn(step, block);
        break;
    case StepKind::Join:
        join(step, block);
        break;
    case StepKind::Cancel: {
        const QString h = handle(block, step.target);
        m_w.line(block.certain.contains(step.target) ? QStringLiteral("%1.cancel()").arg(h) : QStringLiteral("%1?.cancel()").arg(h));
        break;
    }
    case StepKind::CancelChildren:
        m_w.line(QStringLiteral("coroutineContext.cancelChildren()"));
        break;
    case StepKind::Timeout: {
        m_w.line(QStringLiteral("%1(%2L) {").arg(step.orNull ? QStringLiteral("withTimeoutOrNull") : QStringLiteral("withTimeout"))
                     .arg(step.ms), CodeLine::CheckPoint);
        m_w.indent();
        Block inner = block;
        steps(step.body, inner);
        m_w.dedent();
        m_w.line(QStringLiteral("}"));
        break;
    }
    case StepKind::Shield: {
        m_w.line(QStringLiteral("withContext(NonCancellable) {"), CodeLine::CheckPoint);
        m_w.indent();
        Block inner = block;
        steps(step.body, inner);
        m_w.dedent();
        m_w.line(QStringLiteral("}"));
        break;
    }
    case StepKind::OnCancel: {
        m_w.line(QStringLiteral("withCancellationHandler(onCancel = {"));
        const int handler = m_locations.handlerOf(step);
        m_w.begin(handler);
        m_w.beginMarks(CodeLine::Cleanup);
        m_w.indent();
        for (const Step &h : step.handler) {
            const int hat = m_locations.indexOf(h);
            m_w.begin(hat);
            if (h.kind == StepKind::Print)
                m_w.line(QStringLiteral("println(%1)").arg(kotlinText(h.text, block.loopVar, block.taskName, block.indexVar)));
            else
                m_w.line(QStringLiteral("%1.trySend(Unit)").arg(m_channels.value(h.target)));
            m_w.end(hat);
        }
        m_w.dedent();
        m_w.endMarks();
        m_w.end(handler);
        m_w.line(QStringLiteral("}) {"));
        m_w.indent();
        Block inner = block;
        steps(step.body, inner);
        m_w.dedent();
        m_w.line(QStringLiteral("}"));
        break;
    }
    case StepKind::WaitSignal:
        m_w.line(QStringLiteral("%1.receive()").arg(m_channels.value(step.target)), CodeLine::CheckPoint);
        break;
    case StepKind::Signal:
        m_w.line(QStringLiteral("%1.trySend(Unit)").arg(m_channels.value(step.target)));
        break;
    }
    m_w.end(at);
    if (step.kind == StepKind::Spawn)
        block.certain.insert(step.tasks.front().name);
}

void KotlinWriter::work(const Step &step, const Block &block)
{
    if (step.checkEveryMs <= 0 || step.checkEveryMs >= step.ms) {
        m_w.line(QStringLiteral("cpuWork(%1L)").arg(step.ms));
        return;
    }
    const qint64 slices = (step.ms + step.checkEveryMs - 1) / step.checkEveryMs;
    const bool poll = step.check == WorkCheck::Poll;
    m_w.line(QStringLiteral("for (slice in 0 until %1) {  // %2 ms of CPU work, a check every %3 ms")
                 .arg(slices).arg(step.ms).arg(step.checkEveryMs));
    if (poll)
        m_w.line(QStringLiteral("    if (slice > 0 && !isActive) break"), CodeLine::CheckPoint);
    else  // on runBlocking's thread yield() lets the others run too; both throw when cancelled
        m_w.line(QStringLiteral("    if (slice > 0) %1").arg(block.mainThread ? QStringLiteral("yield()") : QStringLiteral("ensureActive()")),
                 CodeLine::CheckPoint);
    if (step.ms % step.checkEveryMs == 0)
        m_w.line(QStringLiteral("    cpuWork(%1L)").arg(step.checkEveryMs));
    else
        m_w.line(QStringLiteral("    cpuWork(minOf(%1L, %2L - slice * %1L))").arg(step.checkEveryMs).arg(step.ms));
    m_w.line(QStringLiteral("}"));
}

void KotlinWriter::tryStep(const Step &step, Block &block)
{
    m_w.line(QStringLiteral("try {"));
    m_w.indent();
    Block body = block;
    steps(step.body, body);
    m_w.dedent();
    for (const CatchClause &clause : step.catches) {
        const int at = m_locations.indexOf(clause);
        m_w.begin(at);
        QString type;
        switch (clause.match) {
        case CatchClause::Match::Cancellation: type = QStringLiteral("CancellationException"); break;
        case CatchClause::Match::Any: type = QStringLiteral("Exception"); break;
        case CatchClause::Match::Named:
            type = clause.errorName == QLatin1String("timeout") ? QStringLiteral("TimeoutCancellationException")
                                                                 : errorType(clause.errorName);
            break;
        }
        m_w.line(QStringLiteral("} catch (e: %1) {").arg(type));
        m_w.indent();
        Block handler = block;
        steps(clause.body, handler);
        if (clause.rethrow)
            m_w.line(QStringLiteral("throw e"));
        m_w.dedent();
        m_w.end(at);
    }
    const int cleanup = m_locations.finallyOf(step);
    if (cleanup >= 0) {
        m_w.begin(cleanup);
        m_w.beginMarks(CodeLine::Cleanup);
        m_w.line(QStringLiteral("} finally {"));
        m_w.indent();
        Block inner = block;
        steps(step.finallyBody, inner);
        m_w.dedent();
        m_w.endMarks();
        m_w.end(cleanup);
    }
    m_w.line(QStringLiteral("}"));
}

void KotlinWriter::launchTasks(const TaskSpec &spec, const Block &block, const QString &builder, const QString &assign,
                               bool limited)
{
    // One builder call per instance: a repeat for count > 1; `launch(Dispatchers.Default)` when the
    // definition asks for it (a task that inherits runs where its creator runs).
    Block body = block;
    body.taskName = spec.name;
    body.indexVar = spec.count > 1 ? QStringLiteral("index") : QString();
    body.label = builder.section(QLatin1Char('('), 0, 0).section(QLatin1Char('.'), -1);
    QString call = builder;
    if (spec.dispatcher != Dispatcher::Inherit) {
        const QString dispatcher = spec.dispatcher == Dispatcher::Default ? QStringLiteral("Dispatchers.Default")
                                                                          : QStringLiteral("Dispatchers.Main");
        call = builder.contains(QLatin1Char('(')) ? builder : builder + QStringLiteral("(%1)").arg(dispatcher);
        body.mainThread = spec.dispatcher == Dispatcher::Main;
    } else if (builder.startsWith(QLatin1String("GlobalScope"))) {
        body.mainThread = false;
    }
    const int location = m_locations.indexOf(spec);
    if (spec.count > 1) {
        m_w.line(QStringLiteral("repeat(%1) { index ->").arg(spec.count));
        m_w.indent();
    } else if (block.inLoop) {
        body.indexVar = spec.name + QStringLiteral("Index");
        m_w.line(QStringLiteral("val %1 = %2Count++").arg(body.indexVar, spec.name));
    }
    if (limited)
        m_w.line(QStringLiteral("slots.acquire()  // wait for a free slot before the next one starts"), CodeLine::CheckPoint);
    taskBody(spec.body, body, QStringLiteral("%1%2 {").arg(assign, call), location, limited);
    if (spec.count > 1) {
        m_w.dedent();
        m_w.line(QStringLiteral("}"));
    }
}

void KotlinWriter::group(const Step &step, const Block &block)
{
    // coroutineScope / supervisorScope: launch {} inside belongs to it; it waits for all of them.
    const QString scope = step.groupKind == GroupKind::Strict ? QStringLiteral("coroutineScope")
                                                              : QStringLiteral("supervisorScope");
    m_w.line(QStringLiteral("%1 {").arg(scope), CodeLine::CheckPoint);
    m_w.indent();
    if (step.limit > 0)
        m_w.line(QStringLiteral("val slots = Semaphore(%1)  // at most %1 at a time").arg(step.limit));
    for (const TaskSpec &spec : step.tasks)
        launchTasks(spec, block, QStringLiteral("launch"), QString(), step.limit > 0);
    Block inner = block;
    steps(step.body, inner);
    m_w.dedent();
    m_w.line(QStringLiteral("}"));
}

void KotlinWriter::gather(const Step &step, const Block &block)
{
    // awaitAll(async { }, ...): an async that fails cancels the others and the caller.
    for (const TaskSpec &spec : step.tasks) {
        if (spec.count == 1 && block.inLoop)
            m_w.line(QStringLiteral("val %1Index = %1Count++").arg(spec.name));
    }
    m_w.line(QStringLiteral("awaitAll("), CodeLine::CheckPoint);
    m_w.indent();
    for (const TaskSpec &spec : step.tasks) {
        Block body = block;
        body.taskName = spec.name;
        body.indexVar = spec.count > 1 ? QStringLiteral("index")
            : block.inLoop            ? spec.name + QStringLiteral("Index")
                                      : QString();
        body.label = QStringLiteral("async");
        const int location = m_locations.indexOf(spec);
        if (spec.count > 1) {
            m_w.line(QStringLiteral("*Array(%1) { index ->").arg(spec.count));
            m_w.indent();
            taskBody(spec.body, body, QStringLiteral("async {"), location);
            m_w.dedent();
            m_w.line(QStringLiteral("},"));
        } else {
            taskBody(spec.body, body, QStringLiteral("async {"), location);
            m_w.line(QStringLiteral(","));
        }
    }
    m_w.dedent();
    m_w.line(QStringLiteral(")"));
}

void KotlinWriter::spawn(const Step &step, Block &block)
{
    const TaskSpec &spec = step.tasks.front();
    const QString h = handle(block, spec.name);
    const QString builder = step.link == SpawnLink::Child ? QStringLiteral("launch") : QStringLiteral("GlobalScope.launch");
    const bool declared = block.guarded->contains(spec.name);
    if (spec.count > 1) {
        // The handle names the newest task of the definition.
        Block body = block;
        body.taskName = spec.name;
        body.indexVar = QStringLiteral("index");
        body.label = QStringLiteral("launch");
        m_w.line(QStringLiteral("%1List(%2) { index ->").arg(declared ? h + QStringLiteral(" = ") : QStringLiteral("val %1 = ").arg(h))
                     .arg(spec.count));
        m_w.indent();
        QString call = builder;
        if (spec.dispatcher == Dispatcher::Default)
            call += QStringLiteral("(Dispatchers.Default)");
        taskBody(spec.body, body, call + QStringLiteral(" {"), m_locations.indexOf(spec));
        m_w.dedent();
        m_w.line(QStringLiteral("}.last()"));
        return;
    }
    launchTasks(spec, block, builder, declared ? h + QStringLiteral(" = ") : QStringLiteral("val %1 = ").arg(h));
}

void KotlinWriter::join(const Step &step, const Block &block)
{
    const QString h = handle(block, step.target);
    QString call = block.certain.contains(step.target) ? QStringLiteral("%1.join()").arg(h) : QStringLiteral("%1?.join()").arg(h);
    if (step.shield)
        call = QStringLiteral("withContext(NonCancellable) { %1 }").arg(call);
    if (step.ms > 0)
        call = QStringLiteral("withTimeout(%1L) { %2 }").arg(step.ms).arg(call);
    m_w.line(call, CodeLine::CheckPoint);
}

} // namespace cascade::codegen::kotlin
