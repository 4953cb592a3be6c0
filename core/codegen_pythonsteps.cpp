// The Python generator's steps: each step kind as asyncio writes it (docs/codegen.md).

#include "codegenpython.h"

#include "engine.h"

namespace cascade::codegen::python {

QString PythonWriter::call(const TaskSpec &spec, const Block &block, const QString &index)
{
    QStringList args;
    if (!index.isEmpty())
        args << index;
    if (!block.slots.isEmpty())
        args << block.slots;
    return QStringLiteral("%1(%2)").arg(m_functionNames.value(&spec), args.join(QStringLiteral(", ")));
}

QStringList PythonWriter::calls(const TaskSpec &spec, const Block &block, const QString &wrap)
{
    if (spec.count > 1) {
        QString var = QStringLiteral("n");
        for (const QString &candidate : {QStringLiteral("n"), QStringLiteral("k"), QStringLiteral("m")}) {
            var = candidate;
            if (!block.loopVars.contains(candidate) && !m_globals.taken(candidate))
                break;
        }
        return {QStringLiteral("for %1 in range(%2):").arg(var).arg(spec.count),
                QStringLiteral("    ") + wrap.arg(call(spec, block, var))};
    }
    if (block.inLoop)
        return {wrap.arg(call(spec, block, QStringLiteral("next(%1)").arg(m_fn->counters.value(&spec))))};
    return {wrap.arg(call(spec, block, QString()))};
}

void PythonWriter::step(const Step &step, Block &block)
{
    const int at = m_locations.indexOf(step);
    m_w.begin(at);
    noEquivalent(step);
    switch (step.kind) {
    case StepKind::Sleep:
        m_w.line(QStringLiteral("await asyncio.sleep(%1)").arg(seconds(step.ms)), CodeLine::CheckPoint);
        break;
    case StepKind::Work:
        work(step);
        break;
    case StepKind::Checkpoint:
        m_w.line(QStringLiteral("await asyncio.sleep(0)  # check point"), CodeLine::CheckPoint);
        break;
    case StepKind::IfCancelled:
        m_w.line(QStringLiteral("if %1.cancelling():").arg(currentTask()), CodeLine::CheckPoint);
        m_w.indent();
        if (step.ifCancelled == IfCancelledAction::Return)
            m_w.line(QStringLiteral("return"));
        else if (step.ifCancelled == IfCancelledAction::Break && block.loopVars.isEmpty())
            m_w.line(QStringLiteral("return  # the loop is outside this task"));  // a shield / wait_for body
        else if (step.ifCancelled == IfCancelledAction::Break)
            m_w.line(QStringLiteral("break"));
        else if (step.error.isEmpty())
            m_w.line(QStringLiteral("raise asyncio.CancelledError()"));
        else
            m_w.line(QStringLiteral("raise %1()").arg(errorClass(step.error)));
        m_w.dedent();
        break;
    case StepKind::WhileActive:
    case StepKind::Repeat: {
        Block inner = block;
        inner.inLoop = true;
        const bool indexUsed = usesLoopIndex(step.body);
        QString var = QStringLiteral("_");
        if (indexUsed) {
            for (const QString &candidate : {QStringLiteral("i"), QStringLiteral("j"), QStringLiteral("k"),
                                             QStringLiteral("i4"), QStringLiteral("i5"), QStringLiteral("i6")}) {
                var = candidate;
                if (!block.loopVars.contains(candidate) && !m_globals.taken(candidate))
                    break;
            }
        }
        inner.loopVars << var;
        if (step.kind == StepKind::Repeat) {
            const QString range = step.from == 0 ? QString::number(step.count)
                                                 : QStringLiteral("%1, %2").arg(step.from).arg(step.from + step.count);
            m_w.line(QStringLiteral("for %1 in range(%2):").arg(var, range));
            m_w.indent();
        } else if (step.count == 0 && !indexUsed) {
            m_w.line(QStringLiteral("while not %1.cancelling():").arg(currentTask()), CodeLine::CheckPoint);
            m_w.indent();
        } else {
            if (step.count > 0) {
                m_w.line(QStringLiteral("for %1 in range(%2):  # at most %2 rounds").arg(var).arg(step.count));
            } else {
                m_usesItertools = true;
                m_w.line(QStringLiteral("for %1 in itertools.count():").arg(var));
            }
            m_w.indent();
            m_w.line(QStringLiteral("if %1.cancelling():").arg(currentTask()), CodeLine::CheckPoint);
            m_w.indent();
            m_w.line(QStringLiteral("break"));
            m_w.dedent();
        }
        const int before = m_w.lineCount();
        steps(step.body, inner);
        if (m_w.lineCount() == before && (step.kind == StepKind::Repeat || (step.count == 0 && !indexUsed)))
            m_w.line(QStringLiteral("pass"));
        m_w.dedent();
        break;
    }
    case StepKind::Print:
        m_w.line(QStringLiteral("print(%1)").arg(text(step.text, block)));
        break;
    case StepKind::Raise:
        m_w.line(QStringLiteral("raise %1(%2)").arg(errorClass(step.error), step.text.isEmpty() ? QString() : text(step.text, block)));
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
        const QString h = handle(step.target);
        if (block.certain.contains(step.target)) {
            m_w.line(QStringLiteral("%1.cancel()").arg(h));
        } else {
            m_w.line(QStringLiteral("if %1 is not None:").arg(h));
            m_w.line(QStringLiteral("    %1.cancel()").arg(h));
        }
        break;
    }
    case StepKind::CancelChildren:
        m_w.line(QStringLiteral("for child in %1:").arg(block.children));
        m_w.line(QStringLiteral("    child.cancel()"));
        break;
    case StepKind::Timeout:
        timeout(step, block);
        break;
    case StepKind::Shield: {
        const QString inner = m_functionNames.value(&step);
        m_w.line(QStringLiteral("await asyncio.shield(%1())").arg(inner), CodeLine::CheckPoint);
        break;
    }
    case StepKind::OnCancel: {
        steps(step.body, block);
        const int handler = m_locations.handlerOf(step);
        m_w.begin(handler);
        m_w.beginMarks(CodeLine::NoEquivalent | CodeLine::Cleanup);
        m_w.line(QStringLiteral("# the handler, which asyncio cannot run at the moment of the cancel:"));
        for (const Step &h : step.handler) {
            const int hat = m_locations.indexOf(h);
            m_w.begin(hat);
            if (h.kind == StepKind::Print)
                m_w.line(QStringLiteral("# print(%1)").arg(text(h.text, block)));
            else
                m_w.line(QStringLiteral("# %1.put_nowait(None)").arg(m_queues.value(h.target)));
            m_w.end(hat);
        }
        m_w.endMarks();
        m_w.end(handler);
        break;
    }
    case StepKind::WaitSignal:
        m_w.line(QStringLiteral("await %1.get()").arg(m_queues.value(step.target)), CodeLine::CheckPoint);
        break;
    case StepKind::Signal:
        m_w.line(QStringLiteral("%1.put_nowait(None)").arg(m_queues.value(step.target)));
        break;
    }
    m_w.end(at);
    if (step.kind == StepKind::Spawn)
        block.certain.insert(step.tasks.front().name);
}

void PythonWriter::work(const Step &step)
{
    if (step.checkEveryMs <= 0 || step.checkEveryMs >= step.ms) {
        m_w.line(QStringLiteral("cpu_work(%1)").arg(step.ms));
        return;
    }
    const QString helper = step.check == WorkCheck::Poll ? QStringLiteral("cpu_work_polling")
                                                         : QStringLiteral("cpu_work_with_check_points");
    m_w.line(QStringLiteral("await %1(%2, every=%3)").arg(helper).arg(step.ms).arg(step.checkEveryMs),
             CodeLine::CheckPoint);
}

void PythonWriter::tryStep(const Step &step, Block &block)
{
    m_w.line(QStringLiteral("try:"));
    m_w.indent();
    Block body = block;
    const int before = m_w.lineCount();
    steps(step.body, body);
    if (m_w.lineCount() == before)
        m_w.line(QStringLiteral("pass"));
    m_w.dedent();
    for (const CatchClause &clause : step.catches) {
        const int at = m_locations.indexOf(clause);
        m_w.begin(at);
        QString what;
        switch (clause.match) {
        case CatchClause::Match::Cancellation: what = QStringLiteral("asyncio.CancelledError"); break;
        case CatchClause::Match::Any: what = QStringLiteral("Exception"); break;
        case CatchClause::Match::Named:
            what = clause.errorName == QLatin1String("timeout") ? QStringLiteral("TimeoutError") : errorClass(clause.errorName);
            break;
        }
        m_w.line(QStringLiteral("except %1:").arg(what));
        m_w.indent();
        Block handler = block;
        steps(clause.body, handler);
        if (clause.rethrow)
            m_w.line(QStringLiteral("raise"));
        else if (clause.body.empty())
            m_w.line(QStringLiteral("pass"));
        m_w.dedent();
        m_w.end(at);
    }
    const int cleanup = m_locations.finallyOf(step);
    if (cleanup >= 0) {
        m_w.begin(cleanup);
        m_w.beginMarks(CodeLine::Cleanup);
        m_w.line(QStringLiteral("finally:"));
        m_w.indent();
        Block inner = block;
        steps(step.finallyBody, inner);
        if (step.finallyBody.empty())
            m_w.line(QStringLiteral("pass"));
        m_w.dedent();
        m_w.endMarks();
        m_w.end(cleanup);
    }
}

void PythonWriter::group(const Step &step, Block &block)
{
    const bool needList = hasCancelChildren(step.body);
    Block inner = block;
    Block creating = block;  // where the group's tasks are made: with the group's slots
    if (step.limit > 0) {
        creating.slots = m_fn->locals.claim(QStringLiteral("slots"));
        m_w.line(QStringLiteral("%1 = asyncio.Semaphore(%2)  # at most %2 of these tasks run at a time")
                     .arg(creating.slots).arg(step.limit));
    }
    if (step.groupKind == GroupKind::Strict) {
        const QString tg = m_fn->locals.claim(QStringLiteral("tg"));
        m_w.line(QStringLiteral("async with asyncio.TaskGroup() as %1:").arg(tg), CodeLine::CheckPoint);
        m_w.indent();
        QString wrap = QStringLiteral("%1.create_task(%2)").arg(tg, QStringLiteral("%1"));
        if (needList) {
            inner.children = m_fn->locals.claim(QStringLiteral("group_tasks"));
            m_w.line(QStringLiteral("%1 = []").arg(inner.children));
            wrap = QStringLiteral("%1.append(%2)").arg(inner.children, wrap);
        }
        for (const TaskSpec &spec : step.tasks) {
            for (const QString &line : calls(spec, creating, wrap))
                m_w.line(line);
        }
        steps(step.body, inner);
        m_w.dedent();
        return;
    }
    if (step.body.empty()) {
        gather(step, creating);
        return;
    }
    // A tolerant group with steps of its own: gather has no body, so the tasks start first, the
    // steps run, and gather(return_exceptions=True) waits for them at the end.
    inner.children = m_fn->locals.claim(QStringLiteral("group_tasks"));
    m_w.line(QStringLiteral("%1 = []").arg(inner.children));
    for (const TaskSpec &spec : step.tasks) {
        for (const QString &line : calls(spec, creating, QStringLiteral("%1.append(asyncio.create_task(%2))").arg(inner.children, QStringLiteral("%1"))))
            m_w.line(line);
    }
    steps(step.body, inner);
    m_w.line(QStringLiteral("await asyncio.gather(*%1, return_exceptions=True)").arg(inner.children), CodeLine::CheckPoint);
}

void PythonWriter::gather(const Step &step, const Block &block)
{
    QStringList args;
    for (const TaskSpec &spec : step.tasks) {
        if (spec.count > 1) {
            QString var = QStringLiteral("n");
            for (const QString &candidate : {QStringLiteral("n"), QStringLiteral("k"), QStringLiteral("m")}) {
                var = candidate;
                if (!block.loopVars.contains(candidate) && !m_globals.taken(candidate))
                    break;
            }
            args << QStringLiteral("*(%1 for %2 in range(%3))").arg(call(spec, block, var), var).arg(spec.count);
        } else {
            args << calls(spec, block, QStringLiteral("%1")).constFirst();
        }
    }
    if (step.kind == StepKind::Group)
        args << QStringLiteral("return_exceptions=True");
    const QString oneLine = QStringLiteral("await asyncio.gather(%1)").arg(args.join(QStringLiteral(", ")));
    if (oneLine.size() + 4 * 4 <= 88) {
        m_w.line(oneLine, CodeLine::CheckPoint);
        return;
    }
    m_w.line(QStringLiteral("await asyncio.gather("), CodeLine::CheckPoint);
    m_w.indent();
    for (const QString &arg : std::as_const(args))
        m_w.line(arg + QLatin1Char(','));
    m_w.dedent();
    m_w.line(QStringLiteral(")"));
}

void PythonWriter::spawn(const Step &step, Block &block)
{
    const TaskSpec &spec = step.tasks.front();
    const QString h = handle(spec.name);
    for (const QString &line : calls(spec, block, QStringLiteral("%1 = asyncio.create_task(%2)").arg(h, QStringLiteral("%1"))))
        m_w.line(line);
}

void PythonWriter::join(const Step &step, const Block &block)
{
    const QString h = handle(step.target);
    QString awaited = step.shield ? QStringLiteral("asyncio.shield(%1)").arg(h) : h;
    if (step.ms > 0)
        awaited = QStringLiteral("asyncio.wait_for(%1, timeout=%2)").arg(awaited, seconds(step.ms));
    if (block.certain.contains(step.target)) {
        m_w.line(QStringLiteral("await %1").arg(awaited), CodeLine::CheckPoint);
        return;
    }
    m_w.line(QStringLiteral("if %1 is not None:  # it may not have been started").arg(h));
    m_w.line(QStringLiteral("    await %1").arg(awaited), CodeLine::CheckPoint);
}

void PythonWriter::timeout(const Step &step, Block &block)
{
    if (step.orNull) {
        m_w.line(QStringLiteral("try:"));
        m_w.indent();
        m_w.headHere();
    }
    if (step.timeoutStyle == TimeoutStyle::WaitFor) {
        m_w.line(QStringLiteral("await asyncio.wait_for(%1(), timeout=%2)").arg(m_functionNames.value(&step), seconds(step.ms)),
                 CodeLine::CheckPoint);
    } else {
        m_w.line(QStringLiteral("async with asyncio.timeout(%1):").arg(seconds(step.ms)));
        m_w.indent();
        Block inner = block;
        const int before = m_w.lineCount();
        steps(step.body, inner);
        if (m_w.lineCount() == before)
            m_w.line(QStringLiteral("pass"));
        m_w.dedent();
    }
    if (step.orNull) {
        m_w.dedent();
        m_w.line(QStringLiteral("except TimeoutError:"));
        m_w.line(QStringLiteral("    pass  # or null: a timeout gives nothing"));
    }
}

} // namespace cascade::codegen::python
