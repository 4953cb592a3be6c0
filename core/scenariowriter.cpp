#include "scenarioloader.h"

#include <utility>
#include <vector>

// Writes the text by hand rather than through QJsonObject, which would sort the keys: a written
// scenario reads like a hand-written one ("do" first, bodies last) and small objects stay on one line.
namespace cascade {

using namespace Qt::StringLiterals;

namespace {

constexpr int LineWidth = 100;

//! An ordered JSON value: only what the format needs.
struct Node {
    enum class Type { Object, Array, String, Number, Bool };
    Type type = Type::Object;
    QString string;
    qint64 number = 0;
    bool boolean = false;
    // Objects: keys[i] names items[i]. Arrays: items only. (Two vectors rather than pairs: a pair
    // would need Node complete here.)
    std::vector<QString> keys;
    std::vector<Node> items;

    static Node object() { return Node{}; }
    static Node array()
    {
        Node n;
        n.type = Type::Array;
        return n;
    }
    static Node str(const QString &s)
    {
        Node n;
        n.type = Type::String;
        n.string = s;
        return n;
    }
    static Node num(qint64 v)
    {
        Node n;
        n.type = Type::Number;
        n.number = v;
        return n;
    }
    static Node flag(bool v)
    {
        Node n;
        n.type = Type::Bool;
        n.boolean = v;
        return n;
    }
    Node &add(const QString &key, Node value)
    {
        keys.push_back(key);
        items.push_back(std::move(value));
        return *this;
    }
};

void appendString(QByteArray *out, const QString &s)
{
    out->append('"');
    qsizetype run = 0;  // start of the current run of characters written as they are
    auto flush = [&](qsizetype end) { out->append(QStringView(s).mid(run, end - run).toUtf8()); };
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        const char16_t u = c.unicode();
        if (c.isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate()) {
            ++i;  // a valid pair: plain UTF-8
            continue;
        }
        const bool plain = u >= 0x20 && u != u'"' && u != u'\\' && !c.isSurrogate();
        if (plain)
            continue;
        flush(i);
        run = i + 1;
        switch (u) {
        case u'"': out->append("\\\""); break;
        case u'\\': out->append("\\\\"); break;
        case u'\n': out->append("\\n"); break;
        case u'\t': out->append("\\t"); break;
        case u'\r': out->append("\\r"); break;
        default:
            // Other control characters, and a lone surrogate half (from a "\ud800" escape), which
            // has no UTF-8 form: keep it as an escape.
            out->append(u"\\u%1"_s.arg(uint(u), 4, 16, QLatin1Char('0')).toLatin1());
            break;
        }
    }
    flush(s.size());
    out->append('"');
}

//! An array holding objects (a body, a task list) always gets one line per element.
bool hasArrayOfObjects(const Node &node)
{
    for (const Node &item : node.items) {
        if ((node.type == Node::Type::Array && item.type == Node::Type::Object) || hasArrayOfObjects(item))
            return true;
    }
    return false;
}

//! One line; with compact, without the spaces after ',' and ':'.
void writeInline(const Node &node, QByteArray *out, bool compact = false)
{
    const char *comma = compact ? "," : ", ";
    const char *colon = compact ? ":" : ": ";
    switch (node.type) {
    case Node::Type::String:
        appendString(out, node.string);
        return;
    case Node::Type::Number:
        out->append(QByteArray::number(node.number));
        return;
    case Node::Type::Bool:
        out->append(node.boolean ? "true" : "false");
        return;
    case Node::Type::Array:
        out->append('[');
        for (std::size_t i = 0; i < node.items.size(); ++i) {
            if (i > 0)
                out->append(comma);
            writeInline(node.items[i], out, compact);
        }
        out->append(']');
        return;
    case Node::Type::Object:
        out->append('{');
        for (std::size_t i = 0; i < node.items.size(); ++i) {
            if (i > 0)
                out->append(comma);
            appendString(out, node.keys[i]);
            out->append(colon);
            writeInline(node.items[i], out, compact);
        }
        out->append('}');
        return;
    }
}

void write(const Node &node, int indent, qsizetype column, QByteArray *out)
{
    const bool container = node.type == Node::Type::Object || node.type == Node::Type::Array;
    if (!container || !hasArrayOfObjects(node)) {
        QByteArray line;
        writeInline(node, &line);
        if (!container || column + line.size() <= LineWidth) {
            out->append(line);
            return;
        }
    }
    const QByteArray inner(indent + 2, ' ');
    if (node.type == Node::Type::Array) {
        out->append("[\n");
        for (std::size_t i = 0; i < node.items.size(); ++i) {
            out->append(inner);
            write(node.items[i], indent + 2, indent + 2, out);
            out->append(i + 1 < node.items.size() ? ",\n" : "\n");
        }
        out->append(QByteArray(indent, ' ')).append(']');
        return;
    }
    out->append("{\n");
    for (std::size_t i = 0; i < node.items.size(); ++i) {
        const qsizetype before = out->size();
        out->append(inner);
        appendString(out, node.keys[i]);
        out->append(": ");
        write(node.items[i], indent + 2, out->size() - before, out);
        out->append(i + 1 < node.items.size() ? ",\n" : "\n");
    }
    out->append(QByteArray(indent, ' ')).append('}');
}

Node stepsNode(const Steps &steps);

Node taskNode(const TaskSpec &task)
{
    Node node = Node::object();
    node.add(u"name"_s, Node::str(task.name));
    if (task.count != 1)
        node.add(u"count"_s, Node::num(task.count));
    if (task.dispatcher != Dispatcher::Inherit)
        node.add(u"dispatcher"_s, Node::str(task.dispatcher == Dispatcher::Default ? u"Default"_s : u"Main"_s));
    node.add(u"steps"_s, stepsNode(task.body));
    return node;
}

Node tasksNode(const std::vector<TaskSpec> &tasks)
{
    Node node = Node::array();
    for (const TaskSpec &task : tasks)
        node.items.push_back(taskNode(task));
    return node;
}

Node catchNode(const CatchClause &clause)
{
    Node node = Node::object();
    switch (clause.match) {
    case CatchClause::Match::Cancellation:
        node.add(u"error"_s, Node::str(u"cancellation"_s));
        break;
    case CatchClause::Match::Any:
        node.add(u"error"_s, Node::str(u"any"_s));
        break;
    case CatchClause::Match::Named:
        node.add(u"error"_s, Node::str(clause.errorName));
        break;
    }
    if (clause.rethrow)
        node.add(u"rethrow"_s, Node::flag(true));
    if (!clause.body.empty())
        node.add(u"steps"_s, stepsNode(clause.body));
    return node;
}

// Fields follow the format's table, except that nested bodies come last so the scalars stay in view.
Node stepNode(const Step &step)
{
    Node node = Node::object();
    node.add(u"do"_s, Node::str(stepKindName(step.kind)));
    switch (step.kind) {
    case StepKind::Sleep:
        node.add(u"ms"_s, Node::num(step.ms));
        break;
    case StepKind::Work:
        node.add(u"ms"_s, Node::num(step.ms));
        if (step.checkEveryMs > 0) {
            node.add(u"checkEvery"_s, Node::num(step.checkEveryMs));
            if (step.check == WorkCheck::Poll)
                node.add(u"check"_s, Node::str(u"poll"_s));
        }
        break;
    case StepKind::Checkpoint:
    case StepKind::CancelChildren:
        break;
    case StepKind::IfCancelled: {
        const char16_t *then = step.ifCancelled == IfCancelledAction::Return ? u"return"
            : step.ifCancelled == IfCancelledAction::Raise                   ? u"raise"
                                                                             : u"break";
        node.add(u"then"_s, Node::str(QString::fromUtf16(then)));
        if (step.ifCancelled == IfCancelledAction::Raise && !step.error.isEmpty())
            node.add(u"error"_s, Node::str(step.error));
        break;
    }
    case StepKind::WhileActive:
        if (step.count > 0)
            node.add(u"max"_s, Node::num(step.count));
        node.add(u"steps"_s, stepsNode(step.body));
        break;
    case StepKind::Print:
        node.add(u"text"_s, Node::str(step.text));
        break;
    case StepKind::Raise:
        node.add(u"error"_s, Node::str(step.error));
        if (!step.text.isEmpty())
            node.add(u"message"_s, Node::str(step.text));
        break;
    case StepKind::Try: {
        node.add(u"steps"_s, stepsNode(step.body));
        if (!step.catches.empty()) {
            Node catches = Node::array();
            for (const CatchClause &clause : step.catches)
                catches.items.push_back(catchNode(clause));
            node.add(u"catch"_s, std::move(catches));
        }
        if (!step.finallyBody.empty() || step.catches.empty())  // a try needs one of the two
            node.add(u"finally"_s, stepsNode(step.finallyBody));
        break;
    }
    case StepKind::Group:
        node.add(u"kind"_s, Node::str(step.groupKind == GroupKind::Strict ? u"strict"_s : u"tolerant"_s));
        if (step.limit > 0)
            node.add(u"limit"_s, Node::num(step.limit));
        node.add(u"tasks"_s, tasksNode(step.tasks));
        if (!step.body.empty())
            node.add(u"steps"_s, stepsNode(step.body));
        break;
    case StepKind::Gather:
        if (!step.awaitOrder.isEmpty()) {
            Node order = Node::array();
            for (const QString &name : step.awaitOrder)
                order.items.push_back(Node::str(name));
            node.add(u"awaitOrder"_s, std::move(order));
        }
        node.add(u"tasks"_s, tasksNode(step.tasks));
        break;
    case StepKind::Spawn:
        node.add(u"link"_s, Node::str(step.link == SpawnLink::Child          ? u"child"_s
                                          : step.link == SpawnLink::Unstructured ? u"unstructured"_s
                                                                                  : u"detached"_s));
        if (!step.tasks.empty())
            node.add(u"task"_s, taskNode(step.tasks.front()));
        break;
    case StepKind::Join:
        node.add(u"task"_s, Node::str(step.target));
        if (step.shield)
            node.add(u"shield"_s, Node::flag(true));
        if (step.ms > 0)
            node.add(u"timeout"_s, Node::num(step.ms));
        break;
    case StepKind::Cancel:
        node.add(u"task"_s, Node::str(step.target));
        break;
    case StepKind::Repeat:
        node.add(u"count"_s, Node::num(step.count));
        if (step.from != 0)
            node.add(u"from"_s, Node::num(step.from));
        node.add(u"steps"_s, stepsNode(step.body));
        break;
    case StepKind::Timeout:
        node.add(u"ms"_s, Node::num(step.ms));
        if (step.orNull)
            node.add(u"orNull"_s, Node::flag(true));
        if (step.timeoutStyle == TimeoutStyle::WaitFor) {
            node.add(u"style"_s, Node::str(u"waitFor"_s));
            if (!step.target.isEmpty())
                node.add(u"name"_s, Node::str(step.target));
        }
        node.add(u"steps"_s, stepsNode(step.body));
        break;
    case StepKind::Shield:
        if (!step.target.isEmpty())
            node.add(u"name"_s, Node::str(step.target));
        node.add(u"steps"_s, stepsNode(step.body));
        break;
    case StepKind::OnCancel:
        node.add(u"steps"_s, stepsNode(step.body));
        node.add(u"handler"_s, stepsNode(step.handler));
        break;
    case StepKind::WaitSignal:
    case StepKind::Signal:
        node.add(u"signal"_s, Node::str(step.target));
        break;
    }
    return node;
}

Node stepsNode(const Steps &steps)
{
    Node node = Node::array();
    for (const Step &step : steps)
        node.items.push_back(stepNode(step));
    return node;
}

Node textNode(const LocalizedText &text)
{
    return Node::object().add(u"en"_s, Node::str(text.en)).add(u"ko"_s, Node::str(text.ko));
}

Node selectorNode(const EventSelector &selector)
{
    Node node = Node::object();
    node.add(u"task"_s, Node::str(selector.task));
    node.add(u"event"_s, Node::str(selector.event));
    if (selector.occurrence > 0)
        node.add(u"occurrence"_s, Node::num(selector.occurrence));
    for (const auto &[field, value] : selector.fields) {
        // The loader keeps every value as text; the trace's booleans and numbers go back as such.
        if (field == "cancelled"_L1 || field == "rethrown"_L1)
            node.add(field, Node::flag(value == "true"_L1));
        else if (field == "ms"_L1 || field == "deadline"_L1)
            node.add(field, Node::num(value.toLongLong()));
        else
            node.add(field, Node::str(value));
    }
    return node;
}

Node runtimesNode(const std::vector<Runtime> &runtimes)
{
    Node node = Node::array();
    for (Runtime runtime : runtimes)
        node.items.push_back(Node::str(runtimeName(runtime)));
    return node;
}

Node captionNode(const Caption &caption)
{
    Node node = Node::object();
    node.add(u"on"_s, selectorNode(caption.on));
    if (caption.pause)
        node.add(u"pause"_s, Node::flag(true));
    if (!caption.runtimes.empty())
        node.add(u"runtimes"_s, runtimesNode(caption.runtimes));
    node.add(u"text"_s, textNode(caption.text));
    return node;
}

Node questionNode(const PredictQuestion &question)
{
    Node node = Node::object();
    node.add(u"before"_s, selectorNode(question.before));
    if (!question.runtimes.empty())
        node.add(u"runtimes"_s, runtimesNode(question.runtimes));
    node.add(u"question"_s, textNode(question.question));
    Node choices = Node::array();
    for (const LocalizedText &choice : question.choices)
        choices.items.push_back(textNode(choice));
    node.add(u"choices"_s, std::move(choices));
    node.add(u"answer"_s, Node::num(question.answer));
    node.add(u"explanation"_s, textNode(question.explanation));
    return node;
}

} // namespace

QByteArray scenarioToJson(const Scenario &scenario)
{
    Node top = Node::object();
    top.add(u"cascade"_s, Node::str(u"scenario"_s));
    top.add(u"version"_s, Node::num(1));
    top.add(u"id"_s, Node::str(scenario.id));
    top.add(u"title"_s, textNode(scenario.title));
    if (!scenario.explanation.en.isEmpty() || !scenario.explanation.ko.isEmpty())
        top.add(u"explanation"_s, textNode(scenario.explanation));
    Node runtimes = Node::array();
    for (Runtime runtime : scenario.runtimes)
        runtimes.items.push_back(Node::str(runtimeName(runtime)));
    top.add(u"runtimes"_s, std::move(runtimes));
    top.add(u"root"_s, taskNode(scenario.root));
    if (!scenario.captions.empty()) {
        Node captions = Node::array();
        for (const Caption &caption : scenario.captions)
            captions.items.push_back(captionNode(caption));
        top.add(u"captions"_s, std::move(captions));
    }
    if (!scenario.questions.empty()) {
        Node questions = Node::array();
        for (const PredictQuestion &question : scenario.questions)
            questions.items.push_back(questionNode(question));
        top.add(u"predict"_s, std::move(questions));
    }

    QByteArray out;
    write(top, 0, 0, &out);
    if (out.size() >= ScenarioLoader::MaxFileBytes) {
        // Indentation can push a huge scenario past the loader's size limit; stay loadable.
        out.clear();
        writeInline(top, &out, true);
    }
    out.append('\n');
    return out;
}

} // namespace cascade
