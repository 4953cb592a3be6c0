#include "steplistmodel.h"

#include "stepkinds.h"
#include "stepvalidation.h"

#include <QCoreApplication>
#include <QEvent>

#include <algorithm>
#include <functional>

namespace cascade {

using namespace Qt::StringLiterals;
using steptree::Node;

namespace {

std::unique_ptr<Node> makeRoot()
{
    auto root = std::make_unique<Node>();
    root->type = Node::Type::List;
    return root;
}

void forEachNode(Node *node, const std::function<void(Node *)> &visit)
{
    visit(node);
    for (const auto &child : node->children)
        forEachNode(child.get(), visit);
}

//! QML hands over numbers as int or double, names as strings, lists as JS arrays or a comma list.
QJsonValue numberValue(const QVariant &value)
{
    if (value.typeId() == QMetaType::QString) {
        bool ok = false;
        const double d = value.toString().trimmed().toDouble(&ok);
        return ok ? QJsonValue(d) : QJsonValue(value.toString());
    }
    return QJsonValue::fromVariant(value);
}

QStringList nameList(const QVariant &value)
{
    QStringList raw = value.typeId() == QMetaType::QString ? value.toString().split(u',') : value.toStringList();
    QStringList out;
    for (const QString &name : raw) {
        if (!name.trimmed().isEmpty())
            out << name.trimmed();
    }
    return out;
}

bool isNone(const QJsonValue &value)
{
    return value.isNull() || value.isUndefined() || (value.isDouble() && value.toDouble() == 0)
        || (value.isBool() && !value.toBool()) || (value.isString() && value.toString().isEmpty())
        || (value.isArray() && value.toArray().isEmpty());
}

} // namespace

StepListModel::StepListModel(QObject *parent) : QAbstractItemModel(parent), m_root(makeRoot())
{
    revalidate();
    QCoreApplication::instance()->installEventFilter(this);
}

bool StepListModel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
        revalidate();
    return QAbstractItemModel::eventFilter(watched, event);
}

StepListModel::~StepListModel() = default;

QStringList StepListModel::kinds()
{
    return stepkinds::kinds();
}

Node *StepListModel::nodeAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    return static_cast<Node *>(index.internalPointer());
}

QModelIndex StepListModel::indexOf(const Node *node) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row(), 0, const_cast<Node *>(node));
}

QModelIndex StepListModel::index(int row, int column, const QModelIndex &parent) const
{
    const Node *list = parent.isValid() ? nodeAt(parent) : m_root.get();
    if (!list || column != 0 || row < 0 || row >= int(list->children.size()))
        return {};
    return createIndex(row, 0, list->children.at(std::size_t(row)).get());
}

QModelIndex StepListModel::parent(const QModelIndex &child) const
{
    const Node *node = nodeAt(child);
    return node ? indexOf(node->parent) : QModelIndex();
}

int StepListModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    const Node *node = parent.isValid() ? nodeAt(parent) : m_root.get();
    return node ? int(node->children.size()) : 0;
}

int StepListModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant StepListModel::data(const QModelIndex &index, int role) const
{
    const Node *node = nodeAt(index);
    if (!node)
        return {};
    const bool isStep = node->type == Node::Type::Step;
    switch (role) {
    case Qt::DisplayRole:
    case SummaryRole:
        if (!isStep)
            return node->label();
        return node->isObject ? stepkinds::summary(steptree::stepJson(*node).toObject())
                              : u"not a step object"_s;
    case KindRole:
        return isStep ? node->kind() : QString();
    case ParamsRole: {
        if (!isStep)
            return node->isCatch() ? node->clause.toVariantMap() : QVariantMap();
        QVariantMap params = node->fields.toVariantMap();
        params.remove(u"do"_s);
        const QString kind = node->kind();
        if (kind == "work"_L1 && !params.contains(u"check"_s))
            params[u"check"_s] = params.contains(u"checkEvery"_s) ? u"throw"_s : u"none"_s;
        if (kind == "try"_L1) {
            params[u"finally"_s] = std::any_of(node->children.begin(), node->children.end(),
                                               [](const auto &c) { return c->key == "finally"_L1; });
        }
        if (kind == "group"_L1 || kind == "gather"_L1 || kind == "spawn"_L1) {
            const QStringList names = stepkinds::definedTaskNames(node->fields);
            params[kind == "spawn"_L1 ? u"task"_s : u"tasks"_s] = kind == "spawn"_L1 ? QVariant(names.value(0))
                                                                                    : QVariant(names);
        }
        return params;
    }
    case ErrorRole:
        return node->error;
    case ParamErrorsRole:
        return node->paramErrors;
    case DepthRole:
        return node->depth();
    case SectionRole:
        return isStep ? QString() : node->label();
    case UnavailableRole:
        return node->unavailable;
    case PointerRole:
        return node->pointer();
    case IsSectionRole:
        return !isStep;
    default:
        return {};
    }
}

QHash<int, QByteArray> StepListModel::roleNames() const
{
    return {{KindRole, "kind"},         {SummaryRole, "summary"}, {ParamsRole, "params"},
            {ErrorRole, "error"},       {ParamErrorsRole, "paramErrors"}, {DepthRole, "depth"},
            {SectionRole, "section"},   {UnavailableRole, "unavailable"}, {PointerRole, "pointer"},
            {IsSectionRole, "isSection"}};
}

QJsonArray StepListModel::toJson() const
{
    return steptree::listJson(*m_root);
}

void StepListModel::setSteps(const QJsonArray &steps)
{
    beginResetModel();
    m_root = makeRoot();
    steptree::appendSteps(m_root.get(), steps);
    endResetModel();
    revalidate();
    Q_EMIT stepsChanged();
}

void StepListModel::setTaskName(const QString &name)
{
    if (name == m_taskName)
        return;
    m_taskName = name;
    Q_EMIT taskNameChanged();
    revalidate();
}

void StepListModel::setRuntime(const QString &runtime)
{
    if (runtime == m_runtime)
        return;
    m_runtime = runtime;
    Q_EMIT runtimeChanged();
    revalidate();
}

QStringList StepListModel::taskNamesIn(const Node *list) const
{
    QStringList names;
    forEachNode(const_cast<Node *>(list), [&](Node *node) {
        if (node->type == Node::Type::Step)
            names << stepkinds::definedTaskNames(node->fields);
    });
    return names;
}

QString StepListModel::lastSpawnBefore(const Node *list, int position) const
{
    // The spawns a join or cancel at this place may name: those earlier in the task's body, in
    // reading order, at any depth (the loader's rule).
    QString last;
    bool reached = false;
    std::function<void(const Node *)> visit = [&](const Node *l) {
        for (std::size_t i = 0; i < l->children.size() && !reached; ++i) {
            if (l == list && int(i) == position) {
                reached = true;
                return;
            }
            const Node *step = l->children.at(i).get();
            if (step->kind() == "spawn"_L1 && !stepkinds::definedTaskNames(step->fields).value(0).isEmpty())
                last = stepkinds::definedTaskNames(step->fields).value(0);
            for (const auto &section : step->children)
                visit(section.get());
        }
        if (l == list)
            reached = true;
    };
    visit(m_root.get());
    return last;
}

QModelIndex StepListModel::insertStep(const QModelIndex &parent, int position, const QString &kind)
{
    Node *list = parent.isValid() ? nodeAt(parent) : m_root.get();
    if (!list || list->type != Node::Type::List || !kinds().contains(kind))
        return {};
    position = std::clamp(position, 0, int(list->children.size()));
    const QJsonArray before = toJson();
    auto step = steptree::buildStep(stepkinds::defaultStep(kind, taskNamesIn(m_root.get()),
                                                           lastSpawnBefore(list, position)));
    step->parent = list;
    beginInsertRows(parent, position, position);
    list->children.insert(list->children.begin() + position, std::move(step));
    endInsertRows();
    changed(before);
    return index(position, 0, parent);
}

bool StepListModel::removeStep(const QModelIndex &index)
{
    Node *node = nodeAt(index);
    if (!node || (node->type == Node::Type::List && !node->isCatch() && node->key != "finally"_L1))
        return false;
    const QJsonArray before = toJson();
    Node *list = node->parent;
    const int row = node->row();
    beginRemoveRows(index.parent(), row, row);
    list->children.erase(list->children.begin() + row);
    endRemoveRows();
    changed(before);
    return true;
}

QModelIndex StepListModel::moveStep(const QModelIndex &index, int delta)
{
    Node *node = nodeAt(index);
    if (!node || node->type != Node::Type::Step)
        return index;
    Node *list = node->parent;
    const int row = node->row();
    const int target = row + delta;
    if (delta == 0 || target < 0 || target >= int(list->children.size()))
        return index;
    const QJsonArray before = toJson();
    const QModelIndex parentIndex = index.parent();
    // beginMoveRows counts the destination before the row is taken out.
    beginMoveRows(parentIndex, row, row, parentIndex, target > row ? target + 1 : target);
    auto moving = std::move(list->children.at(std::size_t(row)));
    list->children.erase(list->children.begin() + row);
    list->children.insert(list->children.begin() + target, std::move(moving));
    endMoveRows();
    changed(before);
    return this->index(target, 0, parentIndex);
}

bool StepListModel::setParam(const QModelIndex &index, const QString &key, const QVariant &value)
{
    Node *node = nodeAt(index);
    if (!node)
        return false;
    const QJsonArray before = toJson();
    if (node->isCatch()) {
        if (key == "error"_L1) {
            node->clause[key] = value.toString().trimmed();
        } else if (key == "rethrow"_L1) {
            if (value.toBool())
                node->clause[key] = true;
            else
                node->clause.remove(key);
        } else {
            return false;
        }
        changed(before);
        return true;
    }
    if (node->type != Node::Type::Step || !node->isObject || !setStepParam(node, key, value))
        return false;
    changed(before);
    return true;
}

bool StepListModel::setStepParam(Node *node, const QString &key, const QVariant &value)
{
    const QString kind = node->kind();
    const QList<stepkinds::FieldSpec> specs = stepkinds::fields(kind);
    const auto spec = std::find_if(specs.begin(), specs.end(), [&](const auto &s) { return s.key == key; });
    if (spec == specs.end())
        return false;
    QJsonObject &fields = node->fields;

    if (kind == "work"_L1 && key == "check"_L1) {
        const QString check = value.toString();
        if (check == "none"_L1) {
            fields.remove(u"check"_s);
            fields.remove(u"checkEvery"_s);
            return true;
        }
        if (!fields.contains(u"checkEvery"_s)) {
            const qint64 ms = fields.value(u"ms"_s).toInteger();
            fields[u"checkEvery"_s] = ms >= 1 ? std::min<qint64>(100, ms) : 100;
        }
        fields[u"check"_s] = check;
        return true;
    }
    if (kind == "try"_L1 && key == "finally"_L1) {
        const auto it = std::find_if(node->children.begin(), node->children.end(),
                                     [](const auto &c) { return c->key == "finally"_L1; });
        const QModelIndex stepIndex = indexOf(node);
        if (value.toBool() && it == node->children.end()) {
            const int row = int(node->children.size());
            auto section = std::make_unique<Node>();
            section->key = u"finally"_s;
            section->parent = node;
            beginInsertRows(stepIndex, row, row);
            node->children.push_back(std::move(section));
            endInsertRows();
        } else if (!value.toBool() && it != node->children.end()) {
            const int row = int(it - node->children.begin());
            beginRemoveRows(stepIndex, row, row);
            node->children.erase(it);
            endRemoveRows();
        }
        return true;
    }
    if ((kind == "group"_L1 || kind == "gather"_L1) && key == "tasks"_L1) {
        // By position: rename, add new empty tasks, or drop the last ones.
        const QStringList names = nameList(value);
        const QJsonArray old = fields.value(key).toArray();
        QJsonArray tasks;
        for (qsizetype i = 0; i < names.size(); ++i) {
            QJsonObject task = i < old.size() ? old.at(i).toObject() : QJsonObject{{u"steps"_s, QJsonArray()}};
            task[u"name"_s] = names.at(i);
            tasks.append(task);
        }
        fields[key] = tasks;
        return true;
    }
    if (kind == "spawn"_L1 && key == "task"_L1) {
        QJsonObject task = fields.value(key).isObject() ? fields.value(key).toObject()
                                                        : QJsonObject{{u"steps"_s, QJsonArray()}};
        task[u"name"_s] = value.toString().trimmed();
        fields[key] = task;
        return true;
    }

    QJsonValue json;
    switch (spec->type) {
    case stepkinds::FieldType::Ms:
    case stepkinds::FieldType::Count:
        json = numberValue(value);
        break;
    case stepkinds::FieldType::Bool:
        json = value.toBool();
        break;
    case stepkinds::FieldType::Names:
        json = QJsonArray::fromStringList(nameList(value));
        break;
    case stepkinds::FieldType::Name:
        json = value.toString().trimmed();
        break;
    default:
        json = value.toString();
        break;
    }
    if (spec->optional && isNone(json))
        fields.remove(key);
    else
        fields[key] = json;
    return true;
}

void StepListModel::replaceChildren(Node *node, std::vector<std::unique_ptr<Node>> children)
{
    const QModelIndex nodeIndex = indexOf(node);
    if (!node->children.empty()) {
        beginRemoveRows(nodeIndex, 0, int(node->children.size()) - 1);
        node->children.clear();
        endRemoveRows();
    }
    if (!children.empty()) {
        beginInsertRows(nodeIndex, 0, int(children.size()) - 1);
        node->children = std::move(children);
        for (auto &child : node->children)
            child->parent = node;
        endInsertRows();
    }
}

bool StepListModel::setKind(const QModelIndex &index, const QString &kind)
{
    Node *node = nodeAt(index);
    if (!node || node->type != Node::Type::Step || !kinds().contains(kind))
        return false;
    if (node->isObject && node->kind() == kind)
        return true;
    const QJsonArray before = toJson();
    const QJsonObject old = steptree::stepJson(*node).toObject();
    QStringList taken = taskNamesIn(m_root.get());
    for (const QString &own : stepkinds::definedTaskNames(old))
        taken.removeOne(own);
    QJsonObject step = stepkinds::defaultStep(kind, taken, lastSpawnBefore(node->parent, node->row()));
    // A field carries over when the new kind has it with the same type (a spawn's task object
    // is not a join's task name).
    for (const QString &key : stepFieldKeys(kind) + QStringList{u"note"_s}) {
        const QJsonValue value = old.value(key);
        if (!value.isUndefined() && (!step.contains(key) || step.value(key).type() == value.type()))
            step[key] = value;
    }
    if (kind == "ifCancelled"_L1 && step.contains(u"error"_s))
        step[u"then"_s] = u"raise"_s;
    if (kind == "timeout"_L1)
        step.remove(u"name"_s);  // a shield's inner-task name; a block timeout has none
    node->isObject = true;
    node->nonObject = QJsonValue();
    node->fields = step;
    replaceChildren(node, steptree::buildSections(&node->fields));
    changed(before);
    return true;
}

QModelIndex StepListModel::addCatch(const QModelIndex &tryIndex, const QString &error)
{
    Node *node = nodeAt(tryIndex);
    if (!node || node->type != Node::Type::Step || !stepkinds::hasCatchClauses(node->kind()))
        return {};
    const QJsonArray before = toJson();
    // After the last clause, before finally.
    int row = int(node->children.size());
    for (int i = 0; i < int(node->children.size()); ++i) {
        if (node->children.at(std::size_t(i))->key == "finally"_L1)
            row = i;
    }
    auto section = std::make_unique<Node>();
    section->key = u"catch"_s;
    section->written = false;
    section->clause = QJsonObject{{u"error"_s, error}};
    section->parent = node;
    beginInsertRows(tryIndex, row, row);
    node->children.insert(node->children.begin() + row, std::move(section));
    endInsertRows();
    changed(before);
    return index(row, 0, tryIndex);
}

QVariantList StepListModel::fields(const QModelIndex &index) const
{
    const Node *node = nodeAt(index);
    QList<stepkinds::FieldSpec> specs;
    if (node && node->type == Node::Type::Step)
        specs = stepkinds::fields(node->kind());
    else if (node && node->isCatch())
        specs = stepkinds::catchFields();
    QVariantList out;
    for (const stepkinds::FieldSpec &spec : specs)
        out << spec.toVariant();
    return out;
}

QVariantMap StepListModel::locate(const QString &pointer) const
{
    const steptree::Location location = steptree::locate(m_root.get(), pointer);
    return {{u"index"_s, indexOf(location.node)}, {u"key"_s, location.key}};
}

QModelIndex StepListModel::rowOfPointer(const QString &pointer) const
{
    const steptree::Location location = steptree::locate(m_root.get(), pointer);
    Node *node = location.node;
    if (node && !location.key.isEmpty()) {
        // "/0/steps" names the step's section, not a field of the step.
        const auto section = std::find_if(node->children.begin(), node->children.end(), [&](const auto &c) {
            return !c->isCatch() && c->key == location.key;
        });
        node = section != node->children.end() ? section->get() : nullptr;
    }
    return node && node->pointer() == pointer ? indexOf(node) : QModelIndex();
}

void StepListModel::changed(const QJsonArray &before)
{
    revalidate();
    const QJsonArray after = toJson();
    if (after == before)
        return;
    Q_EMIT stepsChanged();
    if (isValid())
        Q_EMIT edited(after);
}

void StepListModel::revalidate()
{
    forEachNode(m_root.get(), [](Node *node) {
        node->error.clear();
        node->paramErrors.clear();
        node->unavailable.clear();
    });
    const QJsonArray steps = toJson();
    QStringList errors;
    QJsonArray judged;  // the steps with the wrong ones set aside
    for (const StepProblem &problem : validateSteps(steps, m_taskName, 50, &judged)) {
        errors << (problem.pointer.isEmpty() ? problem.message : problem.pointer + u": "_s + problem.message);
        const steptree::Location location = steptree::locate(m_root.get(), problem.pointer);
        if (!location.node)
            continue;
        const QString message = location.key.isEmpty() ? problem.message : location.key + u": "_s + problem.message;
        if (location.node->error.isEmpty())
            location.node->error = message;
        if (!location.key.isEmpty() && !location.node->paramErrors.contains(location.key))
            location.node->paramErrors.insert(location.key, problem.message);
    }
    Runtime runtime = Runtime::Asyncio;
    if (runtimeFromName(m_runtime, &runtime)) {
        // A stand-in keeps its step's place, so the pointers into the judged part hold here too.
        for (const StepProblem &reason : unsupportedSteps(judged, runtime)) {
            Node *node = steptree::locate(m_root.get(), reason.pointer).node;
            if (node && !node->unavailable.contains(reason.message))
                node->unavailable += (node->unavailable.isEmpty() ? QString() : u"\n"_s) + reason.message;
        }
    }
    emitRowsChanged(m_root.get());
    if (errors != m_errors) {
        m_errors = errors;
        Q_EMIT validationChanged();
    }
}

void StepListModel::emitRowsChanged(const Node *list)
{
    if (!list || list->children.empty())
        return;
    const QModelIndex parentIndex = indexOf(list);
    Q_EMIT dataChanged(index(0, 0, parentIndex), index(int(list->children.size()) - 1, 0, parentIndex));
    for (const auto &child : list->children)
        emitRowsChanged(child.get());
}

} // namespace cascade
