#include "steptree.h"

#include "jsonpointerlocator.h"
#include "stepkinds.h"

#include <algorithm>

namespace cascade::steptree {

using namespace Qt::StringLiterals;

namespace {

std::unique_ptr<Node> makeList(const QString &key, bool written)
{
    auto list = std::make_unique<Node>();
    list->type = Node::Type::List;
    list->key = key;
    list->written = written;
    return list;
}

//! A try's catch clauses, each a section. Left as a field (for the loader to name) unless it is a
//! non-empty array of objects.
void buildCatches(QJsonObject *fields, std::vector<std::unique_ptr<Node>> *out)
{
    const QJsonValue value = fields->value(u"catch"_s);
    const QJsonArray clauses = value.toArray();
    const bool allObjects = std::all_of(clauses.begin(), clauses.end(), [](const QJsonValue &c) { return c.isObject(); });
    if (!value.isArray() || clauses.isEmpty() || !allObjects)
        return;
    for (const QJsonValue &c : clauses) {
        QJsonObject clause = c.toObject();
        const QJsonValue steps = clause.value(u"steps"_s);
        auto section = makeList(u"catch"_s, steps.isArray());
        if (steps.isArray()) {
            appendSteps(section.get(), steps.toArray());
            clause.remove(u"steps"_s);
        }
        section->clause = clause;
        out->push_back(std::move(section));
    }
    fields->remove(u"catch"_s);
}

} // namespace

int Node::row() const
{
    if (!parent)
        return 0;
    const auto &siblings = parent->children;
    const auto it = std::find_if(siblings.begin(), siblings.end(), [this](const auto &n) { return n.get() == this; });
    return int(it - siblings.begin());
}

int Node::depth() const
{
    int depth = -1;
    for (const Node *n = parent; n; n = n->parent)
        ++depth;
    return depth;
}

QString Node::pointer() const
{
    if (!parent)
        return QString();
    if (type == Type::Step) {
        const QString list = parent->pointer();
        return parent->isCatch() ? list + u"/steps/"_s + QString::number(row()) : list + u'/' + QString::number(row());
    }
    if (isCatch()) {
        int index = 0;
        for (const auto &sibling : parent->children) {
            if (sibling.get() == this)
                break;
            index += sibling->isCatch() ? 1 : 0;
        }
        return parent->pointer() + u"/catch/"_s + QString::number(index);
    }
    return parent->pointer() + u'/' + jsontext::escapeToken(key);
}

QString Node::label() const
{
    if (isCatch())
        return stepkinds::catchLabel(clause);
    if (parent) {
        for (const stepkinds::SectionSpec &spec : stepkinds::sections(parent->kind())) {
            if (spec.key == key)
                return spec.label;
        }
    }
    return key;
}

std::unique_ptr<Node> buildStep(const QJsonValue &value)
{
    auto step = std::make_unique<Node>();
    step->type = Node::Type::Step;
    if (!value.isObject()) {
        step->isObject = false;
        step->nonObject = value;
        return step;
    }
    step->fields = value.toObject();
    step->children = buildSections(&step->fields);
    for (auto &child : step->children)
        child->parent = step.get();
    return step;
}

std::vector<std::unique_ptr<Node>> buildSections(QJsonObject *fields)
{
    const QString kind = fields->value(u"do"_s).toString();
    std::vector<std::unique_ptr<Node>> out;
    for (const stepkinds::SectionSpec &spec : stepkinds::sections(kind)) {
        if (spec.key == "finally"_L1 && stepkinds::hasCatchClauses(kind))
            buildCatches(fields, &out);  // catch clauses come before finally, as in the code
        const QJsonValue value = fields->value(spec.key);
        if (value.isArray()) {
            auto list = makeList(spec.key, true);
            appendSteps(list.get(), value.toArray());
            fields->remove(spec.key);
            out.push_back(std::move(list));
        } else if (!fields->contains(spec.key) && spec.shownWhenAbsent) {
            out.push_back(makeList(spec.key, false));
        }
    }
    return out;
}

void appendSteps(Node *list, const QJsonArray &steps)
{
    for (const QJsonValue &value : steps) {
        auto step = buildStep(value);
        step->parent = list;
        list->children.push_back(std::move(step));
    }
}

QJsonValue stepJson(const Node &step)
{
    if (!step.isObject)
        return step.nonObject;
    QJsonObject object = step.fields;
    QJsonArray catches;
    for (const auto &section : step.children) {
        const bool write = section->written || !section->children.empty();
        if (section->isCatch()) {
            QJsonObject clause = section->clause;
            if (write)
                clause[u"steps"_s] = listJson(*section);
            catches.append(clause);
        } else if (write) {
            object[section->key] = listJson(*section);
        }
    }
    if (!catches.isEmpty())
        object[u"catch"_s] = catches;
    return object;
}

QJsonArray listJson(const Node &list)
{
    QJsonArray out;
    for (const auto &step : list.children)
        out.append(stepJson(*step));
    return out;
}

Location locate(Node *root, const QString &pointer)
{
    const QStringList tokens = jsontext::splitPointer(pointer);
    Location found;
    Node *current = root;
    qsizetype i = 0;
    while (i < tokens.size()) {
        if (current->type == Node::Type::List) {
            bool ok = false;
            const int index = tokens.at(i).toInt(&ok);
            if (!ok || index < 0 || index >= int(current->children.size()))
                break;
            current = current->children.at(std::size_t(index)).get();
            found = Location{current, QString()};
            ++i;
            continue;
        }
        const QString key = tokens.at(i);
        if (key == "catch"_L1 && i + 1 < tokens.size()) {
            const int wanted = tokens.at(i + 1).toInt();
            Node *clause = nullptr;
            int seen = 0;
            for (const auto &child : current->children) {
                if (child->isCatch() && seen++ == wanted)
                    clause = child.get();
            }
            if (!clause) {
                found.key = key;
                break;
            }
            current = clause;
            found = Location{clause, QString()};
            i += 2;
            if (i < tokens.size() && tokens.at(i) == "steps"_L1 && i + 1 < tokens.size()) {
                ++i;
            } else if (i < tokens.size()) {
                found.key = tokens.at(i);
                break;
            }
            continue;
        }
        const auto section = std::find_if(current->children.begin(), current->children.end(), [&](const auto &c) {
            return !c->isCatch() && c->key == key;
        });
        if (section == current->children.end() || i + 1 >= tokens.size()) {
            found.key = key;
            break;
        }
        current = section->get();
        ++i;
    }
    return found;
}

} // namespace cascade::steptree
